namespace DcimAgent.Tests.Support;

/// <summary>
/// A real net-snmp snmpd started with tests/peers/snmpd-start.sh, plus a small device profile the agent can
/// poll it with (the shipped profiles describe PDUs, UPSes and coolers; a Linux snmpd matches none of them).
/// Fails, never skips, when snmpd is not installed; stopped by its own PID file on dispose.
/// </summary>
public sealed class LabSnmpd : IAsyncDisposable
{
    public const string InstallHint = "snmpd is missing: run tests/peers/install.sh (apt-get install snmpd snmp)";

    /// <summary>
    /// Profile <c>lab-net-snmp</c>: sysServices.0 (72 on every start) as the PDU's total power, so a successful
    /// poll leaves one known value (<c>dcim_pdu_power_watts 72</c>), plus a walk of ifTable so a poll is a real
    /// GET + GETBULK exchange, not a single datagram.
    /// </summary>
    public const string ProfileYaml = """
        profile: lab-net-snmp
        description: net-snmp snmpd of the test peers (sysServices as a stand-in reading)
        device_class: pdu
        match:
          sys_object_id: ["1.3.6.1.4.1.8072.3.2.10"]
        metrics:
          - {family: dcim_pdu_power_watts, oid: 1.3.6.1.2.1.1.7.0, unit: W}
        tables:
          - name: ifTable
            walk: 1.3.6.1.2.1.2.2.1
            metrics:
              - {family: dcim_pdu_outlet_power_watts, column: 5, unit: W, divide: 1000000, labels: {outlet: "{index}", outlet_name: "if{index}"}}
        """;

    private LabSnmpd(int port) => Port = port;

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public static async Task<LabSnmpd> StartAsync(int port)
    {
        Assert.True(File.Exists("/usr/sbin/snmpd"), InstallHint);
        var snmpd = new LabSnmpd(port);
        var r = await ProcessRunner.RunAsync(RepoPaths.PeerScript("snmpd-start.sh"), [port.ToString()], TimeSpan.FromSeconds(60));
        Assert.True(r.ExitCode == 0, $"snmpd-start.sh {port} ({InstallHint}): {r.All}");
        return snmpd;
    }

    /// <summary>Writes <see cref="ProfileYaml"/> into <paramref name="dir"/> and returns its path (for snmp.profile_paths).</summary>
    public static string WriteProfile(TempDir dir) => dir.File("lab-net-snmp.yaml", ProfileYaml);

    public async ValueTask DisposeAsync()
    {
        var r = await ProcessRunner.RunAsync(RepoPaths.PeerScript("snmpd-stop.sh"), [Port.ToString()], TimeSpan.FromSeconds(30));
        Assert.True(r.ExitCode == 0, "snmpd-stop.sh: " + r.All);
    }
}
