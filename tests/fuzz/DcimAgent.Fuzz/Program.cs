using DcimAgent.Fuzz.Targets;
using SharpFuzz;

// Usage: DcimAgent.Fuzz TARGET               - AFL++ out-of-process mode (run by tests/fuzz/run-fuzz.sh)
//        DcimAgent.Fuzz TARGET --replay PATH  - run every file under PATH (or PATH itself) once, without AFL
//        DcimAgent.Fuzz TARGET --seeds DIR    - write the target's seed inputs into DIR
//        DcimAgent.Fuzz --list                - the target names
if (args.Length == 1 && args[0] == "--list")
{
    Console.WriteLine(string.Join('\n', FuzzTargets.Names));
    return 0;
}

if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: DcimAgent.Fuzz TARGET [--replay PATH | --seeds DIR]; targets: {string.Join(", ", FuzzTargets.Names)}");
    return 2;
}

if (args.Length == 1)
{
    // AFL++ mode: build the target inside the callback, once SharpFuzz has attached the shared memory.
    FuzzAction? run = null;
    Fuzzer.OutOfProcess.Run(stream =>
    {
        run ??= FuzzTargets.Create(args[0]).Run;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        run(ms.GetBuffer().AsSpan(0, (int)ms.Length));
    });
    return 0;
}

var target = FuzzTargets.Create(args[0]);

if (args.Length == 3 && args[1] == "--seeds")
{
    Directory.CreateDirectory(args[2]);
    var n = 0;
    foreach (var (name, bytes) in target.Seeds(RepoRoot()))
    {
        File.WriteAllBytes(Path.Combine(args[2], name), bytes);
        n++;
    }

    Console.WriteLine($"{target.Name}: wrote {n} seeds to {args[2]}");
    return n > 0 ? 0 : 1;
}

if (args.Length == 3 && args[1] == "--replay")
{
    var files = File.Exists(args[2]) ? [args[2]] : Directory.EnumerateFiles(args[2], "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("README.txt", StringComparison.Ordinal)).ToArray();
    foreach (var file in files)
    {
        target.Run(File.ReadAllBytes(file));
    }

    Console.WriteLine($"{target.Name}: replayed {files.Length} inputs without a crash");
    return 0;
}

Console.Error.WriteLine("usage: DcimAgent.Fuzz TARGET [--replay PATH | --seeds DIR]");
return 2;

// The folder holding DcimAgent.sln, found from the working directory (the run script starts in the repository).
static string RepoRoot()
{
    for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "DcimAgent.sln")))
        {
            return d.FullName;
        }
    }

    throw new DirectoryNotFoundException("run from inside the repository (no DcimAgent.sln above the working directory)");
}
