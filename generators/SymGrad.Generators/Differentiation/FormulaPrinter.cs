using System;
using System.Globalization;

namespace SymGrad.Generators.Differentiation;

/// <summary>
/// Prints an expression as a readable formula for XML docs: <c>x e^-x / (1 + e^-x)^2</c>,
/// <c>ln(u)</c>, <c>|u|</c>, <c>(c ? a : b)</c> for piecewise functions. Constants keep the digits
/// the user wrote (a float 0.044715f prints 0.044715, not its double expansion).
/// </summary>
internal static class FormulaPrinter
{
    private const int ConditionalLevel = 0;
    private const int AdditiveLevel = 1;
    private const int MultiplicativeLevel = 2;
    private const int UnaryLevel = 3;
    private const int PowerLevel = 4;
    private const int PrimaryLevel = 5;

    public static string Print(Expr e, bool isDouble) => Print(e, isDouble, ConditionalLevel);

    private static string Print(Expr e, bool isDouble, int context)
    {
        string text;
        int level;
        switch (e)
        {
            case Constant c:
                text = Number(c.Value, isDouble);
                level = c.Value < 0 ? UnaryLevel : PrimaryLevel;
                break;
            case Variable v:
                text = v.Name;
                level = PrimaryLevel;
                break;
            case Negate n:
                text = "-" + Print(n.Operand, isDouble, PowerLevel);
                level = UnaryLevel;
                break;
            case Call { Function: Function.Exp } c:
                string exponent = c.Argument is Variable or Constant { Value: >= 0 } or Negate { Operand: Variable }
                    ? Print(c.Argument, isDouble, UnaryLevel)
                    : "(" + Print(c.Argument, isDouble, ConditionalLevel) + ")";
                text = "e^" + exponent;
                level = PowerLevel;
                break;
            case Call { Function: Function.Abs } c:
                text = "|" + Print(c.Argument, isDouble, ConditionalLevel) + "|";
                level = PrimaryLevel;
                break;
            case Call c:
                text = FunctionName(c.Function) + "(" + Print(c.Argument, isDouble, ConditionalLevel) + ")";
                level = PrimaryLevel;
                break;
            case Binary { Op: BinaryOp.Pow } p:
                text = Print(p.Left, isDouble, PrimaryLevel) + "^" + Print(p.Right, isDouble, PrimaryLevel);
                level = PowerLevel;
                break;
            case Binary { Op: BinaryOp.Max or BinaryOp.Min } m:
                text = (m.Op == BinaryOp.Max ? "max(" : "min(") + Print(m.Left, isDouble, ConditionalLevel) + ", " + Print(m.Right, isDouble, ConditionalLevel) + ")";
                level = PrimaryLevel;
                break;
            case Binary { Op: BinaryOp.Multiply } m:
                string right = Print(m.Right, isDouble, MultiplicativeLevel + 1);
                // Juxtaposition reads like math; a number or sign on the right needs the explicit dot.
                bool needsDot = right.Length > 0 && (char.IsDigit(right[0]) || right[0] == '-');
                text = Print(m.Left, isDouble, MultiplicativeLevel) + (needsDot ? " · " : " ") + right;
                level = MultiplicativeLevel;
                break;
            case Binary b:
                level = b.Op == BinaryOp.Divide ? MultiplicativeLevel : AdditiveLevel;
                string symbol = b.Op switch { BinaryOp.Add => " + ", BinaryOp.Subtract => " - ", _ => " / " };
                text = Print(b.Left, isDouble, level) + symbol + Print(b.Right, isDouble, level + 1);
                break;
            case Clamp c:
                text = "clamp(" + Print(c.Value, isDouble, ConditionalLevel) + ", " + Print(c.Low, isDouble, ConditionalLevel) + ", " + Print(c.High, isDouble, ConditionalLevel) + ")";
                level = PrimaryLevel;
                break;
            case Conditional c:
                text = "(" + Print(c.Condition.Left, isDouble, AdditiveLevel) + " " + CSharpPrinter.ComparisonSymbol(c.Condition.Op) + " "
                    + Print(c.Condition.Right, isDouble, AdditiveLevel) + " ? " + Print(c.WhenTrue, isDouble, ConditionalLevel + 1) + " : "
                    + Print(c.WhenFalse, isDouble, ConditionalLevel) + ")";
                level = PrimaryLevel;
                break;
            default:
                text = "?";
                level = PrimaryLevel;
                break;
        }
        return level < context ? "(" + text + ")" : text;
    }

    private static string FunctionName(Function function) => function switch
    {
        Function.Log => "ln",
        _ => function.ToString().ToLowerInvariant(),
    };

    private static string Number(double value, bool isDouble) =>
        isDouble ? value.ToString("R", CultureInfo.InvariantCulture) : ((float)value).ToString("R", CultureInfo.InvariantCulture);
}
