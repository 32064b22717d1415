using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(DcimAgent.Benchmarks.SnmpCodecBenchmarks).Assembly).Run(args);
