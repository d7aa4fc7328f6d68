using System.CommandLine;
using System.Threading.Tasks;
using GradientLab.Commands;
using GradientLab.Studies;

// The command tree. Parsing, usage errors (exit code 2) and invocation live in CommandLineRunner;
// every study is a StudyCommand (shared --seed, --json, --output; see Studies/README.md).
var vanishing = new StudyCommand(new VanishingStudy());
var root = new RootCommand("GradientLab: trains SymGrad networks on MNIST and shows what their gradients do. Without a command it runs the 'vanishing' study with its defaults.")
{
    vanishing,
    new StudyCommand(new DepthStudy()),
    new StudyCommand(new InitStudy()),
    new TrainCommand(),
    new GradientsCommand(),
    new InspectCommand(),
    new StudyCommand(new RecurrentStudy()),
    new StudyCommand(new ClippingStudy()),
};

// No command: the default study, as 'GradientLab vanishing' with every default.
root.SetAction((_, cancellationToken) => Task.FromResult(vanishing.Invoke(root.Parse(new[] { "vanishing" }), cancellationToken)));

return await CommandLineRunner.InvokeAsync(root, args);
