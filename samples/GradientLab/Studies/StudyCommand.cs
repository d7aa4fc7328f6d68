using System;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;
using GradientLab.Commands;

namespace GradientLab.Studies;

/// <summary>
/// Makes an <see cref="IStudy"/> a subcommand with the options every study shares: <c>--seed</c>,
/// <c>--json FILE</c> and <c>--output DIR</c>. The study adds its own; <see cref="StudyRunner"/> runs it.
/// </summary>
public sealed class StudyCommand : Command
{
    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seeds every network's initial weights and every batch order: the same seed gives the same numbers.",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<FileInfo> _json = new("--json")
    {
        Description = "Also write the results as JSON to this file.",
        HelpName = "FILE",
    };

    private readonly Option<DirectoryInfo> _output = new("--output")
    {
        Description = "Folder for the HTML report, its plots (PNG and SVG) and results.json (default: reports/<study>-<date>-<time>).",
        HelpName = "DIR",
    };

    public StudyCommand(IStudy study)
        : base(study.Name, study.Description)
    {
        Study = study;
        OptionRules.RequireExistingDirectory(_json);
        Options.Add(_seed);
        Options.Add(_json);
        Options.Add(_output);
        study.AddOptions(this);
        // Studies are synchronous CPU work; the async signature gives Ctrl+C as a token.
        SetAction((parseResult, cancellationToken) => Task.FromResult(Invoke(parseResult, cancellationToken)));
    }

    public IStudy Study { get; }

    /// <summary>Runs the study as the command line asks; used by the root command too (the default study).</summary>
    public int Invoke(ParseResult parseResult, System.Threading.CancellationToken cancellationToken)
    {
        var options = new StudyRunOptions(
            parseResult.GetValue(_seed),
            parseResult.GetValue(_json)?.FullName,
            parseResult.GetValue(_output)?.FullName);
        return StudyRunner.Run(Study, parseResult, options, cancellationToken);
    }
}

/// <summary>The shared options of a study run.</summary>
/// <param name="Seed">Seeds the study.</param>
/// <param name="JsonPath">Where <c>--json</c> writes, or null.</param>
/// <param name="OutputDirectory">The report folder, or null for <see cref="StudyRunner.DefaultOutputDirectory"/>.</param>
public sealed record StudyRunOptions(int Seed, string? JsonPath, string? OutputDirectory);
