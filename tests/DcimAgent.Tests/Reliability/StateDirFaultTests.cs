using DcimAgent.Tests.Support;
using Xunit.Abstractions;

namespace DcimAgent.Tests.Reliability;

/// <summary>
/// Fault: the agent's state directory stops taking writes while the agent runs (<c>dcim-agent run</c> as its own
/// process, polling a real snmpd, the facility ledger integrating its power). Tests run as root here, so chmod
/// 0555 would not stop a write; the two failures used are ones root meets too: the state directory replaced by a
/// plain file (ENOTDIR/EEXIST) and the ledger's temporary file leading to /dev/full (ENOSPC, "disk full"). Each
/// time: a clear error naming the path, counted in dcim_agent_facility_state_errors_total{kind="save"}, polling
/// goes on, energy counters are held back (never published ahead of the file) and resume, with the energy of the
/// outage included, once the directory takes writes again.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StateDirFaultTests(ITestOutputHelper output)
{
    private const int SnmpdPort = 19608;
    private const int HttpPort = 19609;
    private const string Energy = "dcim_site_energy_joules_total{site=\"lab\",role=\"it\"}";
    private const string SaveErrors = "dcim_agent_facility_state_errors_total{kind=\"save\"}";
    private const string PollsOk = "dcim_agent_snmp_polls_total{result=\"ok\"}";

    [Fact]
    public async Task StateDirReplacedByFileThenDiskFull_ErrorNamesPathPollingGoesOnLedgerResumes()
    {
        await using var snmpd = await Snmpd.StartAsync(SnmpdPort);
        using var dir = new TempDir();
        var state = Path.Combine(dir.Path, "state");
        var ledger = Path.Combine(state, "facility-ledger.json");
        var config = dir.File("agent.yaml", $$"""
            agent: { listen: "127.0.0.1:{{HttpPort}}", site: lab, state_dir: {{state}} }
            snmp:
              defaults: { interval: 1s, timeout: 500ms, retries: 0 }
              profile_paths: [{{RepoPaths.RepoFile("tests", "DcimAgent.Tests", "Reliability", "Profiles")}}]
              credentials: [{ name: v2, version: 2c, community: public }]
              targets: [{ name: pdu-a, address: "127.0.0.1:{{SnmpdPort}}", credentials: v2, profile: fault-net-snmp-if }]
            facility: { interval: 1s, meters: { it: ["pdu-*"] } }
            """);
        using var agent = await AgentProcess.StartAsync(config, HttpPort);
        var notes = new List<string>();
        var m = await agent.WaitForMetricsAsync(x => Value(x, Energy) > 0 && File.Exists(ledger), "energy published and the ledger saved");
        notes.Add($"healthy: energy {Value(m, Energy)} J, save errors {Value(m, SaveErrors)}");

        // Fault 1: the state directory is replaced by a plain file.
        Directory.Move(state, state + ".away");
        File.WriteAllText(state, "not a directory");
        await CheckOutageAsync(agent, notes, "directory replaced by a file", state);
        File.Delete(state);
        Directory.Move(state + ".away", state);
        await CheckResumedAsync(agent, ledger, notes);

        // Fault 2: the disk is full — the temporary file the save writes first leads to /dev/full.
        File.CreateSymbolicLink(ledger + ".tmp", "/dev/full");
        await CheckOutageAsync(agent, notes, "disk full", ledger + ".tmp");
        Assert.Contains("No space left on device", agent.Output, StringComparison.Ordinal);
        File.Delete(ledger + ".tmp");
        await CheckResumedAsync(agent, ledger, notes);

        output.WriteLine(string.Join(Environment.NewLine, notes));
        Assert.False(agent.HasExited);
        Assert.Contains($"Facility ledger state could not be saved to {ledger}", agent.Output, StringComparison.Ordinal);
    }

    /// <summary>During the fault: saves fail and are counted, polls go on, the energy counter does not move.</summary>
    private static async Task CheckOutageAsync(AgentProcess agent, List<string> notes, string what, string path)
    {
        var start = await agent.MetricsAsync();
        var m = await agent.WaitForMetricsAsync(x => Value(x, SaveErrors) >= Value(start, SaveErrors) + 3, $"three failed saves ({what})");
        var held = Value(m, Energy);
        var m2 = await agent.WaitForMetricsAsync(x => Value(x, PollsOk) >= Value(m, PollsOk) + 2, "polls during the fault");
        notes.Add($"{what}: save errors {Value(start, SaveErrors)} -> {Value(m2, SaveErrors)}, ok polls {Value(start, PollsOk)} -> {Value(m2, PollsOk)}, energy held at {held} J");
        Assert.Equal(held, Value(m2, Energy));
        Assert.Contains(path, agent.Output, StringComparison.Ordinal);
    }

    /// <summary>After the fault: the ledger file is written again and the energy counter moves on past the outage.</summary>
    private static async Task CheckResumedAsync(AgentProcess agent, string ledger, List<string> notes)
    {
        var fixedAt = DateTime.UtcNow;
        var before = await agent.MetricsAsync();
        var m = await agent.WaitForMetricsAsync(x => Value(x, Energy) > Value(before, Energy) && File.GetLastWriteTimeUtc(ledger) > fixedAt, "energy published again and the ledger saved");
        var errors = Value(m, SaveErrors);
        var m2 = await agent.WaitForMetricsAsync(x => Value(x, Energy) > Value(m, Energy), "energy still moving");
        notes.Add($"resumed: energy {Value(before, Energy)} -> {Value(m2, Energy)} J, save errors stay {Value(m2, SaveErrors)}");
        Assert.Equal(errors, Value(m2, SaveErrors));
    }

    private static double Value(string exposition, string series) => AgentProcess.Sample(exposition, series);
}
