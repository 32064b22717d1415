using System.Text;
using DcimAgent.Configuration;

namespace DcimAgent.Fuzz.Targets;

/// <summary>
/// <c>config</c>: <see cref="ConfigLoader.Parse"/> — YAML syntax, strict binding, secret files, cross-field rules.
/// It must return errors for any text and never throw. Every <c>${ENV}</c> resolves to a fixed string; relative
/// secret files resolve in an empty directory.
/// </summary>
internal static class ConfigTarget
{
    private static readonly string EmptyDir = Directory.CreateTempSubdirectory("dcim-fuzz-config-").FullName;

    public static void Run(ReadOnlySpan<byte> data)
    {
        var result = ConfigLoader.Parse(Encoding.UTF8.GetString(data), "fuzz.yaml", _ => "env-value", EmptyDir);
        foreach (var e in result.Errors)
        {
            if (string.IsNullOrEmpty(e.ToString()))
            {
                throw new InvalidOperationException("a config error must say what is wrong");
            }
        }
    }

    /// <summary>Seeds: the example config plus one that uses every section, secrets by env and file, and traps.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Seeds(string repoRoot)
    {
        yield return ("example.yaml", File.ReadAllBytes(Path.Combine(repoRoot, "config", "dcim-agent.yaml")));
        yield return ("full.yaml", """
            agent: { listen: "127.0.0.1:9464", site: s1, state_dir: /tmp/x, stale_after: 5m, log_format: json }
            snmp:
              defaults: { interval: 30s, timeout: 2s, retries: 2, max_repetitions: 25 }
              credentials:
                - { name: v2, version: 2c, community: "${COMMUNITY}" }
                - { name: v3, version: 3, username: ops, security_level: authPriv, auth_protocol: SHA-256,
                    auth_password: "${AUTH}", priv_protocol: AES, priv_password_file: priv.txt }
              targets:
                - { name: pdu-1, address: "127.0.0.1:19501", credentials: v3, profile: auto, labels: { rack: A01 } }
                - { name: ups-1, address: "[::1]:161", credentials: v2, interval: 10s }
              traps: { listen: "127.0.0.1:19502", communities: [public], users: [v3], queue_size: 100 }
            mqtt:
              brokers:
                - { name: b, url: "mqtts://127.0.0.1:8883", username: u, password: "${MQTT_PASS}", ca_file: ca.pem, keepalive: 10s }
              subscriptions:
                - { name: ha, broker: b, topic: "ha/{device}/state", format: json, mappings: [ { path: "gpus[*].t", family: dcim_accelerator_temperature_celsius, index_label: accelerator } ] }
                - { name: v, broker: b, topic: "v/{device}", format: value, family: dcim_pdu_power_watts, unit: kW }
            facility:
              pue_category: 2
              meters: { facility: [mains-1], it: ["pdu-*"], cooling: ["chiller-*"] }
              racks: [ { rack: A01, tenant: lab } ]
            """u8.ToArray());
    }
}
