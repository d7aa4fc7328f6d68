using System;
using System.Collections.Generic;
using SymGrad.Generators.Emission;

namespace SymGrad.Generators.Differentiation;

/// <summary>
/// Prints expressions as C# in the function's precision, after hoisting every subexpression used
/// more than once (across all the outputs) into a local, in dependency order: so an <c>Exp</c> of one
/// argument is computed once however many derivatives need it. Literals go through
/// <see cref="Literals"/> (invariant culture, round-trip digits, <c>f</c> suffix for float).
/// </summary>
internal sealed class CSharpPrinter
{
    private const int ConditionalLevel = 0;
    private const int AdditiveLevel = 1;
    private const int MultiplicativeLevel = 2;
    private const int UnaryLevel = 3;
    private const int PrimaryLevel = 4;

    private readonly bool _isDouble;
    private readonly Dictionary<Expr, string> _names = new();
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    private CSharpPrinter(bool isDouble) => _isDouble = isDouble;

    /// <summary>The hoisted locals (name, C# initializer) in dependency order, and each output as C#.</summary>
    public sealed record Result(IReadOnlyList<(string Name, string Value)> Locals, IReadOnlyList<string> Outputs);

    /// <param name="outputs">The expressions to compute.</param>
    /// <param name="reserved">Names the locals must not take (parameters, out parameters).</param>
    /// <param name="preferredNames">Names for subexpressions that the user named with a local (<c>var r = p - t;</c>).</param>
    public static Result Print(IReadOnlyList<Expr> outputs, bool isDouble, IEnumerable<string> reserved,
        IReadOnlyList<(string Name, Expr Value)> preferredNames)
    {
        var printer = new CSharpPrinter(isDouble);
        foreach (var name in reserved)
        {
            printer._taken.Add(name);
        }
        var uses = new Dictionary<Expr, int>();
        var order = new List<Expr>();
        foreach (var output in outputs)
        {
            CountUses(output, uses, order);
        }
        var preferred = new Dictionary<Expr, string>();
        foreach (var (name, value) in preferredNames)
        {
            if (!preferred.ContainsKey(value))
            {
                preferred[value] = name;
            }
        }
        var locals = new List<(string, string)>();
        int next = 0;
        foreach (var e in order)
        {
            if (uses[e] < 2 || !WorthHoisting(e))
            {
                continue;
            }
            string value = printer.Print(e, ConditionalLevel);
            string name = preferred.TryGetValue(e, out var user) && printer._taken.Add(user) ? user : printer.FreshName(ref next);
            printer._names[e] = name;
            locals.Add((name, value));
        }
        var printed = new List<string>();
        foreach (var output in outputs)
        {
            printed.Add(printer.Print(output, ConditionalLevel));
        }
        return new Result(locals, printed);
    }

    /// <summary>Counts, for each distinct subexpression, how many places use it once shared subtrees are merged; <paramref name="order"/> lists them children first.</summary>
    private static void CountUses(Expr e, Dictionary<Expr, int> uses, List<Expr> order)
    {
        if (uses.TryGetValue(e, out int count))
        {
            uses[e] = count + 1;
            return;
        }
        uses[e] = 1;
        foreach (var child in Children(e))
        {
            CountUses(child, uses, order);
        }
        // u^2 is printed u * u: u is used twice.
        if (e is Binary { Op: BinaryOp.Pow, Right: Constant { Value: 2 } } square)
        {
            CountUses(square.Left, uses, order);
        }
        order.Add(e);
    }

    internal static IEnumerable<Expr> Children(Expr e)
    {
        switch (e)
        {
            case Negate n:
                yield return n.Operand;
                break;
            case Call c:
                yield return c.Argument;
                break;
            case Binary b:
                yield return b.Left;
                yield return b.Right;
                break;
            case Clamp c:
                yield return c.Value;
                yield return c.Low;
                yield return c.High;
                break;
            case Conditional c:
                yield return c.Condition.Left;
                yield return c.Condition.Right;
                yield return c.WhenTrue;
                yield return c.WhenFalse;
                break;
        }
    }

    // A leaf or the negation of a leaf costs nothing to repeat.
    private static bool WorthHoisting(Expr e) => e is not (Constant or Variable or Negate { Operand: Constant or Variable });

    private string FreshName(ref int next)
    {
        while (true)
        {
            string name = "t" + Literals.Int(next++);
            if (_taken.Add(name))
            {
                return name;
            }
        }
    }

    private string MathClass => _isDouble ? "global::System.Math" : "global::System.MathF";

    private string Print(Expr e, int context)
    {
        if (_names.TryGetValue(e, out var name))
        {
            return name;
        }
        string text;
        int level;
        switch (e)
        {
            case Constant c:
                text = Literals.Real(c.Value, _isDouble);
                level = text.StartsWith("-", StringComparison.Ordinal) ? UnaryLevel : PrimaryLevel;
                break;
            case Variable v:
                text = v.Name;
                level = PrimaryLevel;
                break;
            case Negate n:
                string operand = Print(n.Operand, UnaryLevel);
                text = "-" + (operand.StartsWith("-", StringComparison.Ordinal) ? "(" + operand + ")" : operand);
                level = UnaryLevel;
                break;
            case Call c:
                text = MathClass + "." + c.Function + "(" + Print(c.Argument, ConditionalLevel) + ")";
                level = PrimaryLevel;
                break;
            case Binary { Op: BinaryOp.Pow, Right: Constant { Value: 2 } } square when _names.ContainsKey(square.Left) || square.Left is Variable:
                string factor = Print(square.Left, PrimaryLevel);
                text = factor + " * " + factor;
                level = MultiplicativeLevel;
                break;
            case Binary b when b.Op is BinaryOp.Pow or BinaryOp.Max or BinaryOp.Min:
                text = MathClass + "." + b.Op + "(" + Print(b.Left, ConditionalLevel) + ", " + Print(b.Right, ConditionalLevel) + ")";
                level = PrimaryLevel;
                break;
            case Binary b:
                level = b.Op is BinaryOp.Add or BinaryOp.Subtract ? AdditiveLevel : MultiplicativeLevel;
                string symbol = b.Op switch { BinaryOp.Add => " + ", BinaryOp.Subtract => " - ", BinaryOp.Multiply => " * ", _ => " / " };
                // Same-level right operands keep their parentheses: float arithmetic is not associative.
                text = Print(b.Left, level) + symbol + Print(b.Right, level + 1);
                break;
            case Clamp c:
                text = "global::System.Math.Clamp(" + Print(c.Value, ConditionalLevel) + ", " + Print(c.Low, ConditionalLevel) + ", " + Print(c.High, ConditionalLevel) + ")";
                level = PrimaryLevel;
                break;
            case Conditional c:
                text = Print(c.Condition.Left, AdditiveLevel) + " " + ComparisonSymbol(c.Condition.Op) + " " + Print(c.Condition.Right, AdditiveLevel)
                    + " ? " + Print(c.WhenTrue, ConditionalLevel + 1) + " : " + Print(c.WhenFalse, ConditionalLevel);
                level = ConditionalLevel;
                break;
            default:
                text = "/* unknown */ 0";
                level = PrimaryLevel;
                break;
        }
        return level < context ? "(" + text + ")" : text;
    }

    public static string ComparisonSymbol(Comparison op) => op switch
    {
        Comparison.Less => "<",
        Comparison.LessOrEqual => "<=",
        Comparison.Greater => ">",
        Comparison.GreaterOrEqual => ">=",
        Comparison.Equal => "==",
        _ => "!=",
    };
}
