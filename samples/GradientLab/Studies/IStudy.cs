using System.CommandLine;

namespace GradientLab.Studies;

/// <summary>
/// A study: an experiment with its own options that ends in a <see cref="StudyReport"/>. Wrap it in a
/// <see cref="StudyCommand"/> to make it a subcommand; the runner adds <c>--seed</c>, <c>--json</c>,
/// <c>--output</c>, progress, tables, JSON and the HTML report.
/// </summary>
public interface IStudy
{
    /// <summary>The subcommand name, e.g. <c>vanishing</c>; also the report folder's prefix.</summary>
    string Name { get; }

    /// <summary>One line for the help.</summary>
    string Description { get; }

    /// <summary>The study's own options (budget, depths, ...), added to its command.</summary>
    void AddOptions(Command command);

    /// <summary>Runs the experiment. Reads its options from <paramref name="parseResult"/>, reports progress
    /// through <paramref name="context"/>, and throws <see cref="System.OperationCanceledException"/> when
    /// <see cref="StudyContext.CancellationToken"/> fires.</summary>
    StudyReport Run(StudyContext context, ParseResult parseResult);
}
