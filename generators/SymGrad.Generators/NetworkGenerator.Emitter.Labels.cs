using SymGrad.Ops;
using static SymGrad.Generators.Emission.IndentedWriter;

namespace SymGrad.Generators;

// The emitter, class labels: a network whose loss is SoftmaxCrossEntropy also accepts one class
// index per sample instead of one-hot target rows. Each label is checked against [0, OutputSize)
// and expanded into a preallocated one-hot buffer, then the one-hot member runs: no allocation,
// one code path for the math, and an out-of-range label is an exception instead of a silently
// wrong loss (an index past the row would read the next sample's logits).
public sealed partial class NetworkGenerator
{
    private static void WriteLabelOverloads(EmitContext c)
    {
        if (c.Spec.Loss.Kind != LossKind.SoftmaxCrossEntropy)
        {
            return;
        }
        var w = c.Writer;
        string t = c.T;
        string input = "global::System.ReadOnlySpan<" + t + "> inputs";
        string labels = "global::System.ReadOnlySpan<int> labels";
        // Every parameter gets a tag: a consumer with documentation generation and warnings as errors fails on CS1573 otherwise.
        const string LabelsParam =
            "/// <param name=\"inputs\">[batch, InputSize] values, row-major, 1 to MaxBatchSize samples.</param>\n"
            + "/// <param name=\"labels\">One class index in [0, OutputSize) per sample: the target row is one-hot at that index.</param>";
        const string OptimizerParam = "\n/// <param name=\"optimizer\">Updates Parameters from Gradients.</param>";
        const string Exceptions =
            "/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"inputs\"/> is not 1 to MaxBatchSize samples, or <paramref name=\"labels\"/> has not one label per sample.</exception>\n"
            + "/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A label is outside [0, OutputSize).</exception>";

        w.WriteLine("// Class-label targets: expanded into this one-hot buffer, then the one-hot overloads run.");
        w.WriteLine("private readonly " + t + "[] __sg_labelTargets = new " + t + "[MaxBatchSize * OutputSize];");
        w.WriteLine();

        WriteLabelOverload(c, "Forward pass and loss, with class labels as targets.", LabelsParam, Exceptions,
            "public " + t + " ComputeLoss(" + input + ", " + labels + ")", "ComputeLoss(inputs, __sg_OneHot(inputs.Length, labels))");
        WriteLabelOverload(c, "Forward and backward pass with class labels as targets: returns the loss and overwrites Gradients.", LabelsParam, Exceptions,
            "public " + t + " ComputeGradients(" + input + ", " + labels + ")", "ComputeGradients(inputs, __sg_OneHot(inputs.Length, labels))");
        WriteLabelOverload(c, "ComputeGradients with class labels as targets, then one optimizer update; returns the loss.", LabelsParam + OptimizerParam, Exceptions,
            "public " + t + " TrainStep(" + input + ", " + labels + ", global::SymGrad.Optimizer optimizer)", "TrainStep(inputs, __sg_OneHot(inputs.Length, labels), optimizer)");
        WriteLabelOverload(c, "The reference path with class labels as targets.", LabelsParam, Exceptions,
            "public global::SymGrad.Reference.ReferenceResult ComputeReferenceGradients(" + input + ", " + labels + ")", "ComputeReferenceGradients(inputs, __sg_OneHot(inputs.Length, labels))");

        w.WriteLine("/// <summary>Checks the inputs and labels and returns the labels as one-hot rows in the preallocated buffer.</summary>");
        using (EmitBlock(w, "private global::System.ReadOnlySpan<" + t + "> __sg_OneHot(int inputsLength, " + labels + ")"))
        {
            w.WriteLine("// Validates the inputs exactly as the one-hot overloads do (the second length is the one they imply).");
            w.WriteLine("int batch = __sg_BatchSize(inputsLength, inputsLength / InputSize * OutputSize, \"inputs\");");
            using (EmitBlock(w, "if (labels.Length != batch)"))
            {
                w.WriteLine("throw new global::System.ArgumentException(string.Create(global::System.Globalization.CultureInfo.InvariantCulture,");
                w.WriteLine("    $\"Expected {batch} labels (one per sample of the inputs), but got {labels.Length}.\"), \"labels\");");
            }
            w.WriteLine("global::System.Span<" + t + "> rows = new global::System.Span<" + t + ">(__sg_labelTargets, 0, batch * OutputSize);");
            w.WriteLine("rows.Clear();");
            using (EmitBlock(w, "for (int b = 0; b < batch; b++)"))
            {
                w.WriteLine("int label = labels[b];");
                using (EmitBlock(w, "if ((uint)label >= (uint)OutputSize)"))
                {
                    w.WriteLine("throw new global::System.ArgumentOutOfRangeException(\"labels\", label, string.Create(global::System.Globalization.CultureInfo.InvariantCulture,");
                    w.WriteLine("    $\"Expected class indices in [0, {OutputSize}) (OutputSize classes), but labels[{b}] is {label}.\"));");
                }
                w.WriteLine("rows[b * OutputSize + label] = " + (c.Spec.IsDouble ? "1.0" : "1f") + ";");
            }
            w.WriteLine("return rows;");
        }
        w.WriteLine();
    }

    private static void WriteLabelOverload(EmitContext c, string summary, string parameters, string exceptions, string signature, string call)
    {
        var w = c.Writer;
        w.WriteLine("/// <summary>" + summary + "</summary>");
        foreach (var line in (parameters + "\n" + exceptions).Split('\n'))
        {
            w.WriteLine(line);
        }
        w.WriteLine(signature + " => " + call + ";");
        w.WriteLine();
    }
}
