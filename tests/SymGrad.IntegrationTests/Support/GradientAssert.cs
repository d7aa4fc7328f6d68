using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Xunit.Sdk;

namespace SymGrad.IntegrationTests.Support;

/// <summary>
/// Element-wise comparison of gradients and outputs with one documented metric.
/// <para>
/// Relative error of a pair (a, b) is |a - b| / max(|a|, |b|). It is checked only on entries whose
/// magnitude max(|a|, |b|) exceeds <see cref="MagnitudeFloor"/> (1e-6): below it, a relative error
/// measures rounding noise rather than a wrong derivative, and both sides agreeing that an entry is
/// tiny is already the assertion. Using the larger magnitude means an entry that one side computes
/// as 0 and the other as 1e-3 fails (relative error 1). NaN or infinity on either side always fails.
/// </para>
/// Failure messages name the entry (<c>fc2.Weight[3] (row 0, col 3)</c>) and give both values.
/// </summary>
public static class GradientAssert
{
    /// <summary>Entries at or below this magnitude on both sides are not compared.</summary>
    public const double MagnitudeFloor = 1e-6;

    private const int ReportedFailures = 12;

    /// <summary>|a - b| / max(|a|, |b|), 0 when both are 0, infinity when either is not finite.</summary>
    public static double RelativeError(double a, double b)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            return double.PositiveInfinity;
        }
        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        return scale == 0 ? 0 : Math.Abs(a - b) / scale;
    }

    /// <summary>Whether the pair is large enough to be compared (or not finite, which always fails).</summary>
    public static bool IsCompared(double a, double b) =>
        !double.IsFinite(a) || !double.IsFinite(b) || Math.Max(Math.Abs(a), Math.Abs(b)) > MagnitudeFloor;

    /// <summary>Asserts that two flat gradients (laid out by <paramref name="views"/>) agree to <paramref name="tolerance"/>.</summary>
    /// <returns>How many entries were above the floor and compared.</returns>
    public static int Equal(
        ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, IReadOnlyList<ParameterView> views,
        double tolerance, string expectedName, string actualName)
    {
        if (expected.Length != actual.Length)
        {
            throw new XunitException($"{actualName} has {actual.Length} entries, {expectedName} has {expected.Length}.");
        }
        var indices = new int[expected.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }
        return EqualAt(indices, expected.ToArray(), actual.ToArray(), i => DescribeParameter(views, i), tolerance, expectedName, actualName);
    }

    /// <summary>Asserts that [rows, columns] outputs agree to <paramref name="tolerance"/>.</summary>
    public static int OutputsEqual(
        ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, int columns,
        double tolerance, string expectedName, string actualName)
    {
        if (expected.Length != actual.Length)
        {
            throw new XunitException($"{actualName} has {actual.Length} outputs, {expectedName} has {expected.Length}.");
        }
        var indices = Enumerable.Range(0, expected.Length).ToArray();
        return EqualAt(indices, expected.ToArray(), actual.ToArray(),
            i => $"output[{i / columns}, {i % columns}]", tolerance, expectedName, actualName);
    }

    /// <summary>Asserts that two scalars (losses) agree to <paramref name="tolerance"/>, with no magnitude floor.</summary>
    public static void ScalarEqual(double expected, double actual, double tolerance, string what)
    {
        double error = RelativeError(expected, actual);
        if (!(error <= tolerance))
        {
            throw new XunitException(
                $"{what}: expected {Format(expected)}, actual {Format(actual)}, relative error {Format(error)} > {Format(tolerance)}.");
        }
    }

    /// <summary>
    /// Compares <paramref name="expected"/>[k] with <paramref name="actual"/>[k] for the entries
    /// <paramref name="indices"/>[k], naming each failure with <paramref name="describe"/>(indices[k]).
    /// </summary>
    /// <returns>How many entries were above the floor and compared.</returns>
    public static int EqualAt(
        IReadOnlyList<int> indices, IReadOnlyList<double> expected, IReadOnlyList<double> actual, Func<int, string> describe,
        double tolerance, string expectedName, string actualName)
    {
        var failures = new List<(int Index, double Expected, double Actual, double Error)>();
        int compared = 0;
        for (int k = 0; k < indices.Count; k++)
        {
            double e = expected[k], a = actual[k];
            if (!IsCompared(e, a))
            {
                continue;
            }
            compared++;
            double error = RelativeError(e, a);
            if (!(error <= tolerance))
            {
                failures.Add((indices[k], e, a, error));
            }
        }
        if (failures.Count > 0)
        {
            var message = new StringBuilder();
            message.Append(CultureInfo.InvariantCulture,
                $"{failures.Count} of {compared} compared entries differ by more than {Format(tolerance)} relative ({actualName} vs {expectedName}); worst first:");
            foreach (var f in failures.OrderByDescending(f => f.Error).Take(ReportedFailures))
            {
                message.AppendLine();
                message.Append(CultureInfo.InvariantCulture,
                    $"  {describe(f.Index)}: {expectedName} {Format(f.Expected)}, {actualName} {Format(f.Actual)}, relative error {Format(f.Error)}");
            }
            throw new XunitException(message.ToString());
        }
        return compared;
    }

    /// <summary>Names the flat parameter index: <c>fc2.Weight[3] (row 0, col 3)</c>.</summary>
    public static string DescribeParameter(IReadOnlyList<ParameterView> views, int index)
    {
        foreach (var view in views)
        {
            if (index >= view.Offset && index < view.Offset + view.Length)
            {
                int local = index - view.Offset;
                return $"{view.Name}[{local}] (row {local / view.Columns}, col {local % view.Columns})";
            }
        }
        return $"parameter[{index}] (in no view)";
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
