namespace DcimAgent.Tests.Support;

/// <summary>
/// The secrets of the secrets scan and the files that carry them: every kind of secret the config has (v2c
/// communities, v3 auth and priv passwords, the MQTT password for the agent and for node mode, trap communities,
/// the simulator's secrets, the web config's bcrypt hash and its password), each given once through an
/// environment variable and once through a <c>*_file</c> where the key has one, plus the secrets a user types
/// wrongly (a wrong password, a too-short one, one in a mistyped key). The values the real peers need are theirs
/// (snmpd's and mosquitto's fixed passwords; snmpsimd's community is the recording's file name, so ours is
/// distinctive); the others are made up and unlike anything else in the output.
/// </summary>
public sealed class SecretsLab
{
    public const int SnmpdPort = 19570;
    public const int SnmpsimPort = 19571;
    public const int MosquittoPort = 19572;
    public const int HttpPort = 19574;
    public const int TrapPort = 19575;
    public const int NodePort = 19576;
    public const int DeadPort = 19578;
    public const int DeadPrometheusPort = 19579;
    public const int SimulatorSnmpPort = 19580;
    public const int SimulatorMqttPort = 19589;

    public const string Community = "rel2Comm-Qx81Vb";
    public const string AuthPassword = "peers-sha256-pass";
    public const string PrivPassword = "peers-aes-pass";
    public const string MqttPassword = "peers-pass";
    public const string TrapCommunity = "rel2Trap-Mm42Zt";
    public const string DeadCommunity = "rel2Dead-Nn27Pq";
    public const string SimCommunity = "rel2Sim-Cc38Wd";
    public const string SimAuth = "rel2SimAuth-Rr50Tk";
    public const string SimPriv = "rel2SimPriv-Ee61Hn";
    public const string WebPassword = "rel2Web-Hh27Qs";
    public const string WrongPassword = "rel2Wrong-Pp19Lk";
    public const string WrongCommunity = "rel2BadComm-Ty63";
    public const string ShortPassword = "Qz7Kw2";
    public const string YamlErrorSecret = "rel2Yaml-Ab12Cd";
    public const string TypoSecret = "rel2Typo-Gg84Ff";
    public const string SequenceSecret = "rel2Seq-Jj95Ll";
    public const string PrometheusPassword = "rel2Prom-Uu73Nn";

    public SecretsLab(TempDir dir)
    {
        Dir = dir.Path;
        WebHash = BCrypt.Net.BCrypt.HashPassword(WebPassword, workFactor: 4);
        var secrets = Directory.CreateDirectory(Path.Combine(Dir, "secrets")).FullName;
        File.WriteAllText(Path.Combine(secrets, "community"), Community + "\n");
        File.WriteAllText(Path.Combine(secrets, "priv"), PrivPassword + "\n");
        File.WriteAllText(Path.Combine(secrets, "mqtt"), MqttPassword + "\n");
        File.WriteAllText(Path.Combine(secrets, "sim-auth"), SimAuth + "\n");
        Directory.CreateDirectory(Path.Combine(Dir, "state"));
        Directory.CreateDirectory(Path.Combine(Dir, "node-state"));

        // snmpsimd answers community X from X.snmprec: a real APC Smart-UPS recording under our community.
        SnmpsimData = Directory.CreateDirectory(Path.Combine(Dir, "snmpsim")).FullName;
        File.Copy(RepoPaths.Fixture("snmprec", "apc_smt750x.snmprec"), Path.Combine(SnmpsimData, Community + ".snmprec"));
        Profile = LabSnmpd.WriteProfile(dir);
        dir.File("web.yml", $"basic_auth_users:\n  prometheus: '{WebHash}'\n");
        Config = dir.File("agent.yaml", RunConfig);
        NodeConfig = dir.File("node.yaml", NodeYaml);
        BadSyntax = dir.File("bad-syntax.yaml", $"agent: {{ site: lab }}\nsnmp:\n  credentials:\n    - {{ name: a, version: 2c, community: [{YamlErrorSecret}\n");
        BadValues = dir.File("bad-values.yaml", BadValuesYaml);
    }

    public string Dir { get; }

    public string WebHash { get; }

    public string SnmpsimData { get; }

    public string Profile { get; }

    public string Config { get; }

    public string NodeConfig { get; }

    public string BadSyntax { get; }

    public string BadValues { get; }

    /// <summary>Environment of every command: the secrets given through <c>${VAR}</c>.</summary>
    public Dictionary<string, string> Env { get; } = new()
    {
        ["REL2_AUTH"] = AuthPassword,
        ["REL2_TRAP_COMM"] = TrapCommunity,
        ["REL2_DEAD_COMM"] = DeadCommunity,
        ["REL2_SIM_COMM"] = SimCommunity,
        ["REL2_SIM_AUTH"] = SimAuth,
        ["REL2_SIM_PRIV"] = SimPriv,
    };

    /// <summary>Every secret by name, for the scanner.</summary>
    public Dictionary<string, string> Secrets => new()
    {
        ["v2c community (file)"] = Community,
        ["v3 auth password (env)"] = AuthPassword,
        ["v3 priv password (file)"] = PrivPassword,
        ["MQTT password (file)"] = MqttPassword,
        ["trap community (env)"] = TrapCommunity,
        ["dead target community (env)"] = DeadCommunity,
        ["simulator community (env)"] = SimCommunity,
        ["simulator v3 auth (env + file)"] = SimAuth,
        ["simulator v3 priv (env)"] = SimPriv,
        ["web basic-auth password"] = WebPassword,
        ["web basic-auth bcrypt hash"] = WebHash,
        ["wrong v3 password"] = WrongPassword,
        ["wrong community"] = WrongCommunity,
        ["too-short v3 password"] = ShortPassword,
        ["secret on a YAML syntax error line"] = YamlErrorSecret,
        ["secret under a mistyped key"] = TypoSecret,
        ["secret given as a sequence"] = SequenceSecret,
        ["password in a Prometheus URL"] = PrometheusPassword,
    };

    private string RunConfig => $$"""
        agent: { listen: "127.0.0.1:{{HttpPort}}", site: lab, state_dir: {{Dir}}/state, log_level: debug, web_config_file: {{Dir}}/web.yml }
        snmp:
          profile_paths: [{{Profile}}]
          defaults: { interval: 1s, timeout: 500ms, retries: 1 }
          credentials:
            - { name: sim-v2, version: 2c, community_file: secrets/community }
            - { name: lab-v3, version: "3", username: peers-sha256-aes, security_level: authPriv, auth_protocol: SHA-256, auth_password: "${REL2_AUTH}", priv_protocol: AES, priv_password_file: secrets/priv }
            - { name: demo-v3, version: "3", username: demo-ops, security_level: authPriv, auth_protocol: SHA-256, auth_password_file: secrets/sim-auth, priv_protocol: AES, priv_password: "${REL2_SIM_PRIV}" }
            - { name: dead-v2, version: 2c, community: "${REL2_DEAD_COMM}" }
          targets:
            - { name: sim-ups, address: "127.0.0.1:{{SnmpsimPort}}", credentials: sim-v2 }
            - { name: lab-snmpd, address: "127.0.0.1:{{SnmpdPort}}", credentials: lab-v3, profile: lab-net-snmp }
            - { name: demo-ups, address: "127.0.0.1:{{SimulatorSnmpPort + 2}}", credentials: demo-v3 }
            - { name: dead, address: "127.0.0.1:{{DeadPort}}", credentials: dead-v2, profile: lab-net-snmp }
          traps: { listen: "127.0.0.1:{{TrapPort}}", communities: ["${REL2_TRAP_COMM}"], users: [lab-v3], queue_size: 1000 }
        mqtt:
          brokers: [ { name: lab, url: "mqtt://127.0.0.1:{{MosquittoPort + 1}}", username: peers, password_file: secrets/mqtt } ]
          subscriptions: [ { name: temps, broker: lab, topic: "lab/{device}/{sensor}", format: value, family: dcim_sensor_temperature_celsius, device_class: sensor_hub } ]
        simulator:
          { enabled: true, incident_after: 0s, snmp_base_port: {{SimulatorSnmpPort}}, mqtt_port: {{SimulatorMqttPort}}, racks: 1,
            community: "${REL2_SIM_COMM}", v3_auth_password: "${REL2_SIM_AUTH}", v3_priv_password: "${REL2_SIM_PRIV}" }
        """;

    private string NodeYaml => $$"""
        agent: { listen: "127.0.0.1:{{NodePort}}", site: lab, state_dir: {{Dir}}/node-state, log_level: debug }
        node:
          device: gpu-lab-1
          interval: 1s
          collectors: [ { type: replay, path: {{RepoPaths.Fixture("accelerators", "nvidia-h100", "nvml-series.jsonl")}}, loop: true } ]
          publish: { url: "mqtt://127.0.0.1:{{MosquittoPort + 1}}", username: peers, password_file: secrets/mqtt }
        """;

    // Every way a secret can sit in a broken config: a missing *_file, an unset ${VAR}, a password too short for
    // RFC 3414, both forms at once, a mistyped key, a sequence where a string belongs.
    private static string BadValuesYaml => $$"""
        agent: { site: lab }
        snmp:
          credentials:
            - { name: a, version: 2c, community_file: secrets/no-such-file }
            - { name: b, version: 2c, community: "${REL2_UNSET_VARIABLE}" }
            - { name: c, version: "3", username: u, security_level: authNoPriv, auth_protocol: SHA, auth_password: {{ShortPassword}} }
            - { name: d, version: "3", username: u, security_level: authNoPriv, auth_protocol: SHA, auth_password: {{WrongPassword}}, auth_password_file: secrets/priv }
            - { name: e, version: 2c, communty: {{TypoSecret}} }
            - { name: f, version: 2c, community: [{{SequenceSecret}}] }
        """;
}
