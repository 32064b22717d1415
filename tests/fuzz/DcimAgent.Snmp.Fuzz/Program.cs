using DcimAgent.Snmp.Fuzz;
using SharpFuzz;

// Usage: DcimAgent.Snmp.Fuzz            - AFL++ out-of-process mode (run by tests/fuzz/run-snmp-fuzz.sh)
//        DcimAgent.Snmp.Fuzz --replay DIR - run every file in DIR once (reproduce findings without AFL)
if (args.Length == 2 && args[0] == "--replay")
{
    var n = 0;
    foreach (var file in Directory.EnumerateFiles(args[1], "*", SearchOption.AllDirectories))
    {
        DecoderHarness.Run(File.ReadAllBytes(file));
        n++;
    }

    Console.WriteLine($"replayed {n} inputs without a crash");
    return;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var ms = new MemoryStream();
    stream.CopyTo(ms);
    DecoderHarness.Run(ms.GetBuffer().AsSpan(0, (int)ms.Length));
});
