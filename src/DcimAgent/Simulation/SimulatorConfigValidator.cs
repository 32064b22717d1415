using System.Net;
using DcimAgent.Configuration;
using DcimAgent.Simulator;

namespace DcimAgent.Simulation;

/// <summary>The rules of <c>simulator:</c>, with key paths, for check-config and start-up.</summary>
public static class SimulatorConfigValidator
{
    public static void Validate(SimulatorSection? s, Action<string, string> err)
    {
        ArgumentNullException.ThrowIfNull(err);
        if (s is null)
        {
            return;
        }

        if (!(s.TimeScale > 0) || s.TimeScale > 1000)
        {
            err("simulator.time_scale", $"must be greater than 0 and at most 1000, got {s.TimeScale}");
        }

        if (s.IncidentAfter < TimeSpan.Zero)
        {
            err("simulator.incident_after", "must not be negative (0s disables the incident)");
        }

        if (s.IncidentDuration <= TimeSpan.Zero)
        {
            err("simulator.incident_duration", "must be a positive duration");
        }

        if (s.Racks is < 1 or > HallLayout.MaxRacks)
        {
            err("simulator.racks", $"must be between 1 and {HallLayout.MaxRacks}, got {s.Racks}");
        }

        // The PDUs (two per rack) and four more devices take consecutive ports from snmp_base_port.
        var lastSnmpPort = s.SnmpBasePort + (2 * Math.Clamp(s.Racks, 1, HallLayout.MaxRacks)) + 3;
        if (s.SnmpBasePort < 1 || lastSnmpPort > 65535)
        {
            err("simulator.snmp_base_port", $"ports {s.SnmpBasePort}..{lastSnmpPort} must lie within 1..65535");
        }

        if (s.MqttPort is < 1 or > 65535)
        {
            err("simulator.mqtt_port", $"must be a port 1..65535, got {s.MqttPort}");
        }
        else if (s.MqttPort >= s.SnmpBasePort && s.MqttPort <= lastSnmpPort)
        {
            err("simulator.mqtt_port", $"{s.MqttPort} lies inside the SNMP device ports {s.SnmpBasePort}..{lastSnmpPort}");
        }

        if (!IPAddress.TryParse(s.Bind, out var bind))
        {
            err("simulator.bind", $"'{s.Bind}' is not an IP address");
        }
        else if (!IPAddress.IsLoopback(bind))
        {
            err("simulator.bind", $"'{s.Bind}' is not a loopback address; the demo hall never listens beyond this machine");
        }

        if (string.IsNullOrEmpty(s.Community))
        {
            err("simulator.community", "must not be empty");
        }

        if (string.IsNullOrEmpty(s.V3User) || s.V3User.Length > 32)
        {
            err("simulator.v3_user", "must be 1..32 characters");
        }

        if (s.V3AuthPassword.Length < 8)
        {
            err("simulator.v3_auth_password", "must be at least 8 characters (RFC 3414 §11.2)");
        }

        if (s.V3PrivPassword.Length < 8)
        {
            err("simulator.v3_priv_password", "must be at least 8 characters (RFC 3414 §11.2)");
        }
    }

    /// <summary>The hall's options from a validated section and the agent's site.</summary>
    public static HallOptions ToOptions(SimulatorSection s, string site)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new HallOptions
        {
            TimeScale = s.TimeScale,
            IncidentAfter = s.IncidentAfter > TimeSpan.Zero ? s.IncidentAfter : null,
            IncidentDuration = s.IncidentDuration,
            Racks = s.Racks,
            BindAddress = s.Bind,
            SnmpBasePort = s.SnmpBasePort,
            MqttPort = s.MqttPort,
            Site = site,
            Community = s.Community,
            V3User = s.V3User,
            V3AuthPassword = s.V3AuthPassword,
            V3PrivPassword = s.V3PrivPassword,
        };
    }
}
