using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Threading.Tasks;

namespace GradientLab.Commands;

/// <summary>Parses the command line, reports usage errors with exit code 2, and runs the chosen command.</summary>
internal static class CommandLineRunner
{
    /// <summary>Exit code for a command line that cannot run (bad option value, unknown option, ...).</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for a run that failed at run time (missing data, unwritable output file).</summary>
    public const int RuntimeError = 1;

    /// <summary>Exit code when the user interrupts training (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        ParseResult parseResult = root.Parse(args);

        // System.CommandLine reports parse errors with exit code 1 and the full help; we want the
        // conventional usage exit code 2 and only the errors, so we handle them before invoking.
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }
            var command = parseResult.CommandResult.Command;
            string helpCommand = command is RootCommand ? "--help" : command.Name + " --help";
            Console.Error.WriteLine($"Run 'GradientLab {helpCommand}' to see the options.");
            return UsageError;
        }

        return await parseResult.InvokeAsync();
    }

    /// <summary>Writes a usage error found after parsing (one that depends on the network) and returns <see cref="UsageError"/>.</summary>
    public static int ReportUsageError(string commandName, string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine($"Run 'GradientLab {commandName} --help' to see the options.");
        return UsageError;
    }
}
