using System.Collections.Generic;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators;

// The emitter, rolled loops: which body values need a slot per step. The backward pass of step t reads some
// values of step t (a dense layer's input, a product's factors, an activation's output); a value it never reads,
// such as an LSTM's pre-activations W_ih x, W_hh h and their sum, is only needed while step t's forward pass runs,
// so one slot, overwritten every step, holds it. For a long loop that is most of the tape: at T = 50 an LSTM's
// pre-activations alone were 2.5 MB of the values, where one step's are 48 KB.
public sealed partial class NetworkGenerator
{
    private sealed partial class EmitContext
    {
        private HashSet<string>? _singleSlotValues;

        /// <summary>Whether <paramref name="array"/> is a body value kept in one slot (the values the backward pass reads keep T).</summary>
        private bool IsSingleSlotValue(string array)
        {
            _singleSlotValues ??= SingleSlotValues();
            return _singleSlotValues.Contains(array);
        }

        private HashSet<string> SingleSlotValues()
        {
            var result = new HashSet<string>(System.StringComparer.Ordinal);
            // Instrumented networks read the last step's values after the whole pass: they keep every slot.
            if (Spec.Instrumented)
            {
                return result;
            }
            var read = new HashSet<int>();
            foreach (var loop in Spec.Loops)
            {
                foreach (var state in loop.States)
                {
                    // The carried states are read across steps: conservatively, they keep every slot.
                    read.Add(state.Node);
                    read.Add(state.Next);
                    read.Add(state.Init);
                }
                for (int n = loop.First; n < loop.End && n < Spec.Nodes.Count; n++)
                {
                    AddBackwardReads(Spec.Nodes[n], read);
                }
            }
            foreach (var loop in Spec.Loops)
            {
                for (int n = loop.First; n < loop.End && n < Spec.Nodes.Count; n++)
                {
                    if (!read.Contains(n))
                    {
                        result.Add(ValueName(n));
                    }
                }
            }
            return result;
        }

        /// <summary>The nodes whose values <paramref name="node"/>'s backward rule reads (conservatively all of its operands and itself when unsure).</summary>
        private void AddBackwardReads(NodeSpec node, HashSet<int> read)
        {
            switch (node.Op)
            {
                case OpKind.Linear:
                    if (node.Operands.Count > 0)
                    {
                        read.Add(node.Operands[0]); // dW = dZ^T X
                    }
                    return;
                case OpKind.Slice:
                case OpKind.Zeros:
                    return; // their gradients move dY, reading no value
                case OpKind.Softmax:
                case OpKind.Map:
                case OpKind.BatchNorm:
                case OpKind.LayerNorm:
                case OpKind.Dropout:
                    break; // not template-driven: everything, to be safe
                default:
                    // Element-wise ops: exactly what their backward templates mention (the vector kernels that
                    // replace the catalog's rules read the same values).
                    var rule = Rule(node.Op);
                    string templates = rule.BackwardTemplate + " " + rule.BackwardTemplateRight;
                    if (node.Operands.Count > 0 && templates.Contains("{x}"))
                    {
                        read.Add(node.Operands[0]);
                    }
                    if (node.Operands.Count > 1 && templates.Contains("{x2}"))
                    {
                        read.Add(node.Operands[1]);
                    }
                    if (templates.Contains("{y}"))
                    {
                        read.Add(node.Id);
                    }
                    return;
            }
            foreach (int operand in node.Operands)
            {
                read.Add(operand);
            }
            read.Add(node.Id);
        }
    }
}
