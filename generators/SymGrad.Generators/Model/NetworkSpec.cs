using SymGrad.Ops;

namespace SymGrad.Generators.Model;

/// <summary>
/// Everything the emitter needs to write a network's trainer, frozen at the parser boundary:
/// no symbols, no syntax, value equality throughout.
/// </summary>
/// <param name="Class">Where the partial class lives.</param>
/// <param name="IsDouble">Double precision (else float).</param>
/// <param name="MaxBatchSize">Largest batch the workspaces hold.</param>
/// <param name="InputSize">Features per input sample.</param>
/// <param name="OutputSize">Features per output sample (the width of <paramref name="OutputNode"/>).</param>
/// <param name="ParameterCount">Sum of the layers' parameter counts.</param>
/// <param name="Layers">Layer fields in declaration order, with their buffer offsets.</param>
/// <param name="Nodes">The forward graph in evaluation order; <c>Nodes[i].Id == i</c>; node 0 is the input.</param>
/// <param name="OutputNode">The node the <c>[Forward]</c> method returns.</param>
/// <param name="Loss">The <c>[Loss]</c> method's loss.</param>
/// <param name="ForwardMethod">Name of the user's <c>[Forward]</c> method (the reference path calls it).</param>
/// <param name="LossMethod">Name of the user's <c>[Loss]</c> method.</param>
/// <param name="SourceFile">File name (no directory) of the definition, for comments.</param>
/// <param name="Instrumented">[Network(Instrumentation = true)]: emit the gradient statistics.</param>
/// <param name="Loops">The loops kept rolled (trip count above the roll threshold), in graph order; empty when every loop was unrolled.</param>
/// <param name="UnrollThreshold">Dense layers of at most this many weights are unrolled into scalar statements ([Network(UnrollThreshold = n)]).</param>
internal sealed record NetworkSpec(
    ClassShell Class,
    bool IsDouble,
    int MaxBatchSize,
    int InputSize,
    int OutputSize,
    int ParameterCount,
    EquatableArray<LayerSpec> Layers,
    EquatableArray<NodeSpec> Nodes,
    int OutputNode,
    LossSpec Loss,
    string ForwardMethod,
    string LossMethod,
    string SourceFile,
    bool Instrumented = false,
    EquatableArray<LoopSpec> Loops = default,
    int UnrollThreshold = 64);

/// <summary>The partial class's identity: enough to emit a matching partial declaration.</summary>
/// <param name="Namespace">Containing namespace, or empty for the global namespace.</param>
/// <param name="Name">The class name.</param>
/// <param name="Accessibility">"public" or "internal".</param>
internal sealed record ClassShell(string Namespace, string Name, string Accessibility)
{
    /// <summary>Hint name of the generated file: <c>Namespace.Type.g.cs</c>.</summary>
    public string HintName => (Namespace.Length == 0 ? Name : Namespace + "." + Name) + ".g.cs";
}

/// <summary>The layer kinds a network field may have.</summary>
internal enum LayerKind
{
    Linear,
    BatchNorm,
    LayerNorm,
    Dropout,
    Rnn,
    Lstm,
    Gru,
}

/// <summary>A layer field.</summary>
/// <param name="Name">The field name (<c>fc1</c>).</param>
/// <param name="Inputs">Input width.</param>
/// <param name="Outputs">Output width.</param>
/// <param name="Offset">Offset of its first parameter (the weight) in the flat buffer; the bias follows the weight.</param>
/// <param name="Init">The <c>SymGrad.Init</c> member name (<c>HeNormal</c>).</param>
/// <param name="BiasInit">Initial bias value.</param>
/// <param name="Line">1-based source line of the field declaration.</param>
/// <param name="Momentum">Batch norm's running-statistics momentum.</param>
/// <param name="Epsilon">Batch and layer norm's variance epsilon.</param>
/// <param name="Probability">Dropout's probability of zeroing an element.</param>
/// <param name="StateOffset">Offset of batch norm's running mean in the state buffer (the variance follows).</param>
/// <param name="Stream">Dropout's index among the dropout layers (its mask stream).</param>
/// <param name="Owner">For the dense parts of a recurrent cell (<c>lstm.InputHidden</c>), the cell's field; null for a field itself.</param>
/// <remarks>A recurrent cell field is a header entry (Kind Rnn/Lstm/Gru, Outputs = hidden width, no parameters of its own) followed by its two dense parts.</remarks>
internal sealed record LayerSpec(string Name, LayerKind Kind, int Inputs, int Outputs, int Offset, string Init, double BiasInit, int Line,
    double Momentum = 0, double Epsilon = 0, double Probability = 0, int StateOffset = 0, int Stream = 0, string? Owner = null)
{
    /// <summary>Weights [outputs, inputs] of a dense layer; gamma [features] of a norm; none for dropout.</summary>
    public int WeightCount => Kind switch
    {
        LayerKind.Linear => Inputs * Outputs,
        LayerKind.BatchNorm or LayerKind.LayerNorm => Outputs,
        _ => 0,
    };

    public int ParameterCount => Kind is LayerKind.Linear or LayerKind.BatchNorm or LayerKind.LayerNorm ? WeightCount + Outputs : 0;

    /// <summary>Gate blocks of a recurrent cell (1, 4, 3), else 0.</summary>
    public int Gates => Kind switch
    {
        LayerKind.Rnn => 1,
        LayerKind.Lstm => 4,
        LayerKind.Gru => 3,
        _ => 0,
    };

    /// <summary>Running mean and variance of a batch norm.</summary>
    public int StateCount => Kind == LayerKind.BatchNorm ? 2 * Outputs : 0;
}

/// <summary>One op application in the forward graph.</summary>
/// <param name="Id">Index in <see cref="NetworkSpec.Nodes"/>.</param>
/// <param name="Op">What it computes.</param>
/// <param name="Operands">Ids of its tensor operands (earlier nodes).</param>
/// <param name="Features">Width of its result (the batch dimension is implicit).</param>
/// <param name="Layer">The layer field for <see cref="OpKind.Linear"/>, else null.</param>
/// <param name="Constant">The constant argument (slope, alpha, scale factor), else 0.</param>
/// <param name="Line">1-based source line in the definition file.</param>
/// <param name="Source">The source text of the expression, trimmed to one line.</param>
/// <param name="Variable">The local variable first assigned this node, if any (for comments).</param>
/// <param name="Function">The [Differentiable] function of a <see cref="OpKind.Map"/> node, else null.</param>
internal sealed record NodeSpec(int Id, OpKind Op, EquatableArray<int> Operands, int Features, string? Layer, double Constant, int Line, string Source, string? Variable,
    ElementFunction? Function = null);

/// <summary>The loss: <paramref name="Kind"/> applied to node <paramref name="PredictionNode"/> and the targets.</summary>
/// <param name="Function">The [Differentiable] function of <see cref="LossKind.ElementwiseMean"/>, else null.</param>
internal sealed record LossSpec(LossKind Kind, int PredictionNode, int Line, string Source, ElementFunction? Function = null);
