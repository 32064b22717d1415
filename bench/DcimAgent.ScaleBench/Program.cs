using DcimAgent.ScaleBench;
using DcimAgent.ScaleBench.Exposition;
using DcimAgent.ScaleBench.Traps;

// Verbs are driven by the scripts in bench/scale/; each prints key=value lines the scripts parse.
if (args.Length == 0)
{
    await Console.Error.WriteLineAsync("usage: scale-bench expo-serve|trap-blast [--option value ...] (see bench/scale/*.sh)");
    return 2;
}

try
{
    var rest = new Args(args.Skip(1));
    return args[0] switch
    {
        "expo-serve" => await ExpositionServeCommand.RunAsync(rest),
        "trap-blast" => TrapBlastCommand.Run(rest),
        _ => throw new ArgumentException($"unknown verb '{args[0]}'"),
    };
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync("scale-bench: " + ex.Message);
    return 2;
}
