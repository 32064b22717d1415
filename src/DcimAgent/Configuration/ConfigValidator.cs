using System.Text.RegularExpressions;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Configuration;

/// <summary>Cross-field rules that binding alone cannot see: references, duplicates, ranges, v3 security levels.</summary>
public static partial class ConfigValidator
{
    public static readonly IReadOnlyList<string> SnmpVersions = ["1", "2c", "3"];
    public static readonly IReadOnlyList<string> SecurityLevels = ["noAuthNoPriv", "authNoPriv", "authPriv"];
    public static readonly IReadOnlyList<string> AuthProtocols = ["MD5", "SHA", "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512"];
    public static readonly IReadOnlyList<string> PrivProtocols = ["DES", "AES", "AES-128", "AES-192", "AES-256", "AES192C", "AES256C"];
    public static readonly IReadOnlyList<string> MqttFormats = ["json", "value", "tasmota", "shelly", "sparkplug-b", "dcim-json"];
    private static readonly string[] LogFormats = ["text", "json"];
    private static readonly string[] LogLevels = ["verbose", "debug", "information", "warning", "error", "fatal"];
    private static readonly string[] RackSources = ["outlets", "inputs", "servers"];

    public static void Validate(AgentConfig c, ConfigLocator at, List<ConfigError> errors)
    {
        var bindingErrors = errors.Select(e => e.Location[(e.Location.LastIndexOf(' ') + 1)..]).ToHashSet(StringComparer.Ordinal);

        // A key that already failed to bind or resolve (bad env, unreadable secret file) is not reported twice.
        void Err(string path, string message)
        {
            if (!bindingErrors.Contains(path) && !bindingErrors.Contains(path + "_file"))
            {
                errors.Add(at.Error(path, message));
            }
        }

        ValidateAgent(c.Agent, Err);
        ValidateSnmp(c.Snmp, Err);
        ValidateMqtt(c.Mqtt, Err);
        ValidateFacility(c.Facility, Err);
        Node.NodeConfigValidator.Validate(c.Node, Err);
        ValidateDeviceNames(c, Err);
        Simulation.SimulatorConfigValidator.Validate(c.Simulator, Err);
        ValidateFacilityPlan(c, at, errors);
    }

    /// <summary>The facility engine's own plan rules (a device in two racks, overlapping meters), not repeated.</summary>
    private static void ValidateFacilityPlan(AgentConfig c, ConfigLocator at, List<ConfigError> errors)
    {
        if (!Facility.FacilityPlanFactory.IsConfigured(c))
        {
            return;
        }

        var reported = errors.Select(e => e.Location[(e.Location.LastIndexOf(' ') + 1)..]).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in Facility.FacilityPlanFactory.Validate(c))
        {
            var colon = problem.IndexOf(": ", StringComparison.Ordinal);
            var path = colon > 0 ? problem[..colon] : "facility";
            if (reported.Add(path))
            {
                errors.Add(at.Error(path, colon > 0 ? problem[(colon + 2)..] : problem));
            }
        }
    }

    private static void ValidateAgent(AgentSection a, Action<string, string> err)
    {
        if (!HostPort.TryParse(a.Listen, 9464, out _))
        {
            err("agent.listen", $"'{a.Listen}' is not HOST:PORT");
        }

        if (string.IsNullOrWhiteSpace(a.Site))
        {
            err("agent.site", "must not be empty");
        }

        if (a.StaleAfter <= TimeSpan.Zero)
        {
            err("agent.stale_after", "must be a positive duration");
        }

        if (!LogFormats.Contains(a.LogFormat))
        {
            err("agent.log_format", $"'{a.LogFormat}' is not one of: {string.Join(", ", LogFormats)}");
        }

        if (!LogLevels.Contains(a.LogLevel, StringComparer.OrdinalIgnoreCase))
        {
            err("agent.log_level", $"'{a.LogLevel}' is not one of: {string.Join(", ", LogLevels)}");
        }

        if (a.Shard is { } s && (s.Count < 1 || s.Index < 0 || s.Index >= s.Count))
        {
            err("agent.shard", $"index {s.Index} is not in 0..count-1 (count {s.Count})");
        }

        if (a.WebConfigFile is { Length: > 0 } w)
        {
            if (!File.Exists(w))
            {
                err("agent.web_config_file", $"no such file '{w}'");
            }
            else
            {
                Security.WebConfig.Load(w, out var webErrors);
                foreach (var e in webErrors)
                {
                    err("agent.web_config_file", e);
                }
            }
        }
    }

    private static void ValidateSnmp(SnmpSection s, Action<string, string> err)
    {
        var d = s.Defaults;
        if (d.Interval <= TimeSpan.Zero)
        {
            err("snmp.defaults.interval", "must be a positive duration");
        }

        if (d.Timeout <= TimeSpan.Zero)
        {
            err("snmp.defaults.timeout", "must be a positive duration");
        }

        if (d.Retries is < 0 or > 10)
        {
            err("snmp.defaults.retries", "must be between 0 and 10");
        }

        if (d.MaxRepetitions is < 1 or > 1000)
        {
            err("snmp.defaults.max_repetitions", "must be between 1 and 1000");
        }

        if (d.Concurrency < 1)
        {
            err("snmp.defaults.concurrency", "must be at least 1");
        }

        var creds = new Dictionary<string, SnmpCredential>(StringComparer.Ordinal);
        for (var i = 0; i < s.Credentials.Count; i++)
        {
            var cr = s.Credentials[i];
            var p = $"snmp.credentials[{i}]";
            if (string.IsNullOrWhiteSpace(cr.Name))
            {
                err($"{p}.name", "is required");
            }
            else if (!creds.TryAdd(cr.Name, cr))
            {
                err($"{p}.name", $"duplicate credentials name '{cr.Name}'");
            }

            ValidateCredential(cr, p, err);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < s.Targets.Count; i++)
        {
            var t = s.Targets[i];
            var p = $"snmp.targets[{i}]";
            if (string.IsNullOrWhiteSpace(t.Name))
            {
                err($"{p}.name", "is required");
            }
            else if (!DeviceNameRegex().IsMatch(t.Name))
            {
                err($"{p}.name", $"'{t.Name}' may use only letters, digits and . _ - :");
            }

            if (!HostPort.TryParse(t.Address, 161, out _))
            {
                err($"{p}.address", $"'{t.Address}' is not HOST[:PORT]");
            }

            if (string.IsNullOrWhiteSpace(t.Credentials))
            {
                err($"{p}.credentials", "is required");
            }
            else if (!creds.ContainsKey(t.Credentials))
            {
                err($"{p}.credentials", $"unknown credentials '{t.Credentials}' (defined: {Known(creds.Keys)})");
            }

            if (string.IsNullOrWhiteSpace(t.Profile))
            {
                err($"{p}.profile", "is required (a profile name or auto)");
            }

            if (t.DeviceClass is { } dc && !DeviceIdentity.DeviceClasses.Contains(dc))
            {
                err($"{p}.device_class", $"'{dc}' is not one of: {string.Join(", ", DeviceIdentity.DeviceClasses)}");
            }

            if (t.Interval is { } iv && iv <= TimeSpan.Zero)
            {
                err($"{p}.interval", "must be a positive duration");
            }

            if (t.Timeout is { } to && to <= TimeSpan.Zero)
            {
                err($"{p}.timeout", "must be a positive duration");
            }

            ValidateLabels(t.Labels, $"{p}.labels", err);
        }

        if (s.Traps is { } tr)
        {
            if (!HostPort.TryParse(tr.Listen, 162, out _))
            {
                err("snmp.traps.listen", $"'{tr.Listen}' is not HOST:PORT");
            }

            for (var i = 0; i < tr.Users.Count; i++)
            {
                if (!creds.TryGetValue(tr.Users[i], out var u))
                {
                    err($"snmp.traps.users[{i}]", $"unknown credentials '{tr.Users[i]}' (defined: {Known(creds.Keys)})");
                }
                else if (u.Version != "3")
                {
                    err($"snmp.traps.users[{i}]", $"credentials '{u.Name}' are not SNMPv3");
                }
            }

            if (tr.QueueSize < 1)
            {
                err("snmp.traps.queue_size", "must be at least 1");
            }
        }
    }

    private static void ValidateCredential(SnmpCredential cr, string p, Action<string, string> err)
    {
        if (!SnmpVersions.Contains(cr.Version))
        {
            err($"{p}.version", $"'{cr.Version}' is not one of: 1, 2c, 3");
            return;
        }

        if (cr.Version != "3")
        {
            if (string.IsNullOrEmpty(cr.Community))
            {
                err($"{p}.community", "is required for SNMP v1/v2c (or community_file)");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(cr.Username))
        {
            err($"{p}.username", "is required for SNMPv3");
        }

        var level = cr.SecurityLevel ?? (cr.PrivProtocol is not null ? "authPriv" : cr.AuthProtocol is not null ? "authNoPriv" : "noAuthNoPriv");
        if (!SecurityLevels.Contains(level))
        {
            err($"{p}.security_level", $"'{level}' is not one of: {string.Join(", ", SecurityLevels)}");
            return;
        }

        var wantsAuth = level is "authNoPriv" or "authPriv";
        var wantsPriv = level == "authPriv";
        if (cr.PrivProtocol is not null && !wantsPriv)
        {
            err($"{p}.priv_protocol", $"privacy needs authentication: security_level is {level}; use authPriv with an auth_protocol");
        }

        if (wantsPriv && cr.AuthProtocol is null)
        {
            err($"{p}.auth_protocol", "authPriv needs an auth_protocol (privacy without authentication is not allowed, RFC 3414 §3.1.1)");
        }

        if (wantsAuth)
        {
            if (cr.AuthProtocol is not null && !AuthProtocols.Contains(cr.AuthProtocol, StringComparer.OrdinalIgnoreCase))
            {
                err($"{p}.auth_protocol", $"'{cr.AuthProtocol}' is not one of: {string.Join(", ", AuthProtocols)}");
            }

            if (string.IsNullOrEmpty(cr.AuthPassword))
            {
                err($"{p}.auth_password", "is required for " + level + " (or auth_password_file)");
            }
            else if (cr.AuthPassword.Length < 8)
            {
                err($"{p}.auth_password", "must be at least 8 characters (RFC 3414 §11.2)");
            }
        }

        if (wantsPriv)
        {
            if (cr.PrivProtocol is null)
            {
                err($"{p}.priv_protocol", "is required for authPriv");
            }
            else if (!PrivProtocols.Contains(cr.PrivProtocol, StringComparer.OrdinalIgnoreCase))
            {
                err($"{p}.priv_protocol", $"'{cr.PrivProtocol}' is not one of: {string.Join(", ", PrivProtocols)}");
            }

            if (string.IsNullOrEmpty(cr.PrivPassword))
            {
                err($"{p}.priv_password", "is required for authPriv (or priv_password_file)");
            }
            else if (cr.PrivPassword.Length < 8)
            {
                err($"{p}.priv_password", "must be at least 8 characters (RFC 3414 §11.2)");
            }
        }
    }

    private static void ValidateMqtt(MqttSection m, Action<string, string> err)
    {
        var brokers = new Dictionary<string, MqttBrokerConfig>(StringComparer.Ordinal);
        for (var i = 0; i < m.Brokers.Count; i++)
        {
            var b = m.Brokers[i];
            var p = $"mqtt.brokers[{i}]";
            if (string.IsNullOrWhiteSpace(b.Name))
            {
                err($"{p}.name", "is required");
            }
            else if (!brokers.TryAdd(b.Name, b))
            {
                err($"{p}.name", $"duplicate broker name '{b.Name}'");
            }

            if (!Uri.TryCreate(b.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts") || string.IsNullOrEmpty(uri.Host))
            {
                err($"{p}.url", $"'{b.Url}' is not mqtt://HOST[:PORT] or mqtts://HOST[:PORT]");
            }

            if (b.Protocol is not (3 or 4 or 5))
            {
                err($"{p}.protocol", $"{b.Protocol} is not 3 (MQTT 3.1.1) or 5");
            }

            if (b.Session is not ("clean" or "persistent"))
            {
                err($"{p}.session", $"'{b.Session}' is not clean or persistent");
            }

            if (b.Keepalive < TimeSpan.Zero)
            {
                err($"{p}.keepalive", "must not be negative");
            }

            foreach (var (key, file) in new[] { ("ca_file", b.CaFile), ("cert_file", b.CertFile), ("key_file", b.KeyFile) })
            {
                if (file is { Length: > 0 } && !File.Exists(file))
                {
                    err($"{p}.{key}", $"no such file '{file}'");
                }
            }

            if ((b.CertFile is null) != (b.KeyFile is null))
            {
                err($"{p}.cert_file", "cert_file and key_file go together");
            }
        }

        var subs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < m.Subscriptions.Count; i++)
        {
            var s = m.Subscriptions[i];
            var p = $"mqtt.subscriptions[{i}]";
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                err($"{p}.name", "is required");
            }
            else if (!subs.Add(s.Name))
            {
                err($"{p}.name", $"duplicate subscription name '{s.Name}'");
            }

            if (!brokers.TryGetValue(s.Broker, out var broker))
            {
                err($"{p}.broker", $"unknown broker '{s.Broker}' (defined: {Known(brokers.Keys)})");
            }
            else if (s.ShareGroup is not null && broker.Protocol != 5)
            {
                err($"{p}.share_group", $"shared subscriptions need MQTT 5; broker '{broker.Name}' uses protocol {broker.Protocol}");
            }

            if (string.IsNullOrWhiteSpace(s.Topic))
            {
                err($"{p}.topic", "is required");
            }
            else if (TopicProblem(s.Topic) is { } problem)
            {
                err($"{p}.topic", problem);
            }

            if (s.Qos is < 0 or > 2)
            {
                err($"{p}.qos", "must be 0, 1 or 2");
            }

            if (!MqttFormats.Contains(s.Format))
            {
                err($"{p}.format", $"'{s.Format}' is not one of: {string.Join(", ", MqttFormats)}");
            }

            if (s.ExpectEvery is { } e && e <= TimeSpan.Zero)
            {
                err($"{p}.expect_every", "must be a positive duration");
            }

            if (s.DeviceClass is { } dc && !DeviceIdentity.DeviceClasses.Contains(dc))
            {
                err($"{p}.device_class", $"'{dc}' is not one of: {string.Join(", ", DeviceIdentity.DeviceClasses)}");
            }

            if (s.Format == "value" && s.Family is null)
            {
                err($"{p}.family", "is required for format value");
            }

            if (s.Family is { } fam && !MetricCatalog.TryGet(fam, out _))
            {
                err($"{p}.family", $"'{fam}' is not a family of spec/metrics.md");
            }

            if (s.Unit is { } unit && !Model.Units.UnitLibrary.TryGet(unit, out _))
            {
                err($"{p}.unit", $"unknown unit '{unit}'");
            }

            if (s.Format == "json" && s.Mappings.Count == 0)
            {
                err($"{p}.mappings", "format json needs at least one mapping");
            }

            for (var j = 0; j < s.Mappings.Count; j++)
            {
                var mp = s.Mappings[j];
                if (string.IsNullOrWhiteSpace(mp.Path))
                {
                    err($"{p}.mappings[{j}].path", "is required");
                }

                if (!MetricCatalog.TryGet(mp.Family, out _))
                {
                    err($"{p}.mappings[{j}].family", $"'{mp.Family}' is not a family of spec/metrics.md");
                }

                if (mp.Unit is { } u && !Model.Units.UnitLibrary.TryGet(u, out _))
                {
                    err($"{p}.mappings[{j}].unit", $"unknown unit '{u}'");
                }
            }

            ValidateLabels(s.Labels, $"{p}.labels", err);
        }
    }

    private static void ValidateFacility(FacilitySection f, Action<string, string> err)
    {
        if (f.PueCategory is < 1 or > 3)
        {
            err("facility.pue_category", $"{f.PueCategory} is not 1, 2 or 3 (The Green Grid categories)");
        }

        if (f.PueTarget is < 1 or > 5)
        {
            err("facility.pue_target", "must be between 1 and 5");
        }

        foreach (var role in f.Meters.Keys)
        {
            if (!MetricCatalog.SiteRoles.Contains(role))
            {
                err($"facility.meters.{role}", $"unknown role '{role}' (roles: {string.Join(", ", MetricCatalog.SiteRoles)})");
            }
        }

        if (f.Interval <= TimeSpan.Zero)
        {
            err("facility.interval", "must be a positive duration");
        }

        if (f.MaxGapIntervals < 1)
        {
            err("facility.max_gap_intervals", "must be at least 1");
        }

        var racks = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < f.Racks.Count; i++)
        {
            var r = f.Racks[i];
            if (string.IsNullOrWhiteSpace(r.Rack))
            {
                err($"facility.racks[{i}].rack", "is required");
            }
            else if (!racks.Add(r.Rack))
            {
                err($"facility.racks[{i}].rack", $"duplicate rack '{r.Rack}'");
            }

            if (!RackSources.Contains(r.Source))
            {
                err($"facility.racks[{i}].source", $"'{r.Source}' is not one of: {string.Join(", ", RackSources)}");
            }
        }
    }

    private static void ValidateDeviceNames(AgentConfig c, Action<string, string> err)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < c.Snmp.Targets.Count; i++)
        {
            var n = c.Snmp.Targets[i].Name;
            if (string.IsNullOrEmpty(n))
            {
                continue;
            }

            if (seen.TryGetValue(n, out var first))
            {
                err($"snmp.targets[{i}].name", $"duplicate device name '{n}' (first defined at {first})");
            }
            else
            {
                seen[n] = $"snmp.targets[{i}]";
            }
        }

        for (var i = 0; i < c.Mqtt.Subscriptions.Count; i++)
        {
            if (c.Mqtt.Subscriptions[i].Device is { Length: > 0 } n && seen.TryGetValue(n, out var first))
            {
                err($"mqtt.subscriptions[{i}].device", $"duplicate device name '{n}' (first defined at {first})");
            }
        }
    }

    private static void ValidateLabels(Dictionary<string, string> labels, string path, Action<string, string> err)
    {
        foreach (var key in labels.Keys)
        {
            if (!DeviceIdentity.LocationLabelNames.Contains(key))
            {
                err($"{path}.{key}", $"unknown label '{key}' (location labels: {string.Join(", ", DeviceIdentity.LocationLabelNames)})");
            }
        }
    }

    /// <summary>MQTT topic filter rules (MQTT 5 §4.7): '#' only last and alone in its level; '+' alone in its level.</summary>
    private static string? TopicProblem(string topic)
    {
        var levels = topic.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var l = levels[i];
            if (l.Contains('#', StringComparison.Ordinal) && (l != "#" || i != levels.Length - 1))
            {
                return $"'{topic}': '#' must be a whole level and the last one";
            }

            if (l.Contains('+', StringComparison.Ordinal) && l != "+")
            {
                return $"'{topic}': '+' must be a whole level";
            }

            if (l.StartsWith('{') != l.EndsWith('}'))
            {
                return $"'{topic}': a template segment is written {{name}}";
            }
        }

        return null;
    }

    private static string Known(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceNameRegex();
}
