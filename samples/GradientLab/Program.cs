using System.CommandLine;
using GradientLab.Commands;
using GradientLab.Studies;

// The command tree. Parsing, usage errors (exit code 2) and invocation live in CommandLineRunner.
var root = new RootCommand("GradientLab: trains SymGrad networks on MNIST and shows what their gradients do.")
{
    new TrainCommand(),
    new GradientsCommand(),
    new InspectCommand(),
    new StudyCommand(new RecurrentStudy()),
    new StudyCommand(new ClippingStudy()),
};

// The default study (no subcommand) is not written yet: show the help and the available commands.
root.SetAction(CommandLineRunner.ShowOverview);

return await CommandLineRunner.InvokeAsync(root, args);
