using DcimAgent.Model.Profiles;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Querying;

/// <summary>
/// The two network steps of a poll, shared by the scheduler, the probe verb and the golden tests:
/// recognise the device (auto-detection) and fetch what its profile needs.
/// </summary>
public static class PollSteps
{
    /// <summary>Reads sysObjectID/sysDescr and the profiles' required objects, then picks the best profile.</summary>
    public static async ValueTask<Detection> DetectAsync(ISnmpQuerier querier, ProfileCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(querier);
        ArgumentNullException.ThrowIfNull(catalog);
        var probes = catalog.ProbeOids;
        var oids = new List<Oid>(probes.Count + 2) { DeviceFacts.SysObjectIdOid, DeviceFacts.SysDescrOid };
        oids.AddRange(probes);
        var result = await querier.GetAsync(oids, cancellationToken);
        if (!result.Ok)
        {
            return new Detection(null, new DeviceFacts(null, null), result.Error, result.Detail);
        }

        Oid? id = null;
        string? descr = null;
        var answering = new HashSet<Oid>();
        foreach (var vb in result.VarBinds)
        {
            if (vb.Value.IsException || vb.Value.Type == SnmpType.Null)
            {
                continue;
            }

            if (vb.Oid == DeviceFacts.SysObjectIdOid && vb.Value.Type == SnmpType.ObjectIdentifier)
            {
                id = vb.Value.AsOid();
            }
            else if (vb.Oid == DeviceFacts.SysDescrOid)
            {
                descr = Template.Text(vb.Value);
            }
            else
            {
                answering.Add(vb.Oid);
            }
        }

        var facts = new DeviceFacts(id, descr, answering);
        if (id is null && descr is null && answering.Count == 0)
        {
            return new Detection(null, facts, SnmpErrorKind.NoSuchObject, "the device answered neither sysObjectID nor sysDescr");
        }

        var profile = catalog.Match(facts);
        if (profile is null && catalog.SubtreeProbeOids.Count > 0)
        {
            // Nothing specific matched: look for the MIBs generic fallbacks read (ENTITY-SENSOR-MIB ...).
            foreach (var root in catalog.SubtreeProbeOids)
            {
                var walked = await querier.WalkAsync(root, cancellationToken);
                if (walked.Ok && walked.VarBinds.Any(v => !v.Value.IsException))
                {
                    answering.Add(root);
                }
            }

            facts = new DeviceFacts(id, descr, answering);
            profile = catalog.Match(facts);
        }

        if (profile is null && (id is not null || descr is not null))
        {
            var (byTables, why) = await CapabilityDetection.DetectAsync(querier, catalog, id, cancellationToken);
            if (byTables is not null)
            {
                return new Detection(byTables, facts, SnmpErrorKind.None, "detected by the objects it answers: " + why);
            }
        }

        return profile is null
            ? new Detection(null, facts, SnmpErrorKind.None, $"no profile matches sysObjectID {id?.ToString() ?? "(none)"} / sysDescr '{descr}'")
            : new Detection(profile, facts, SnmpErrorKind.None, null);
    }

    /// <summary>GETs the scalars and walks the tables (and the lookups when due) of <paramref name="profile"/>.</summary>
    public static async ValueTask<Fetch> FetchAsync(ISnmpQuerier querier, Profile profile, bool withLookups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(querier);
        ArgumentNullException.ThrowIfNull(profile);
        var data = new PollData();
        var walks = withLookups ? ProfileCatalog.Deduplicate(profile.WalkOids.Concat(profile.LookupWalkOids)) : profile.WalkOids;
        var (got, walkedAll) = await querier.GetAndWalkAsync(profile.GetOids, walks, cancellationToken);
        if (!got.Ok)
        {
            return new Fetch(data, got.Error, got.Detail, null);
        }

        long? upTime = null;
        foreach (var vb in got.VarBinds)
        {
            data.AddGet(vb.Oid, vb.Value);
            if (vb.Oid == DeviceFacts.SysUpTimeOid && vb.Value.IsNumeric)
            {
                upTime = vb.Value.AsInt64();
            }
        }

        for (var i = 0; i < walkedAll.Count; i++)
        {
            var walked = walkedAll[i];
            if (!walked.Ok && walked.Error != SnmpErrorKind.NoSuchObject)
            {
                return new Fetch(data, walked.Error, $"walk {walks[i]}: {walked.Detail}", upTime);
            }

            data.AddWalk(walks[i], walked.VarBinds);
        }

        return new Fetch(data, SnmpErrorKind.None, null, upTime);
    }

    /// <summary>What detection found: a profile, or why not (an SNMP error, or no matching profile).</summary>
    public sealed record Detection(Profile? Profile, DeviceFacts Facts, SnmpErrorKind Error, string? Detail);

    /// <summary>What a fetch returned: the data, an error, and sysUpTime (hundredths of a second) when answered.</summary>
    public sealed record Fetch(PollData Data, SnmpErrorKind Error, string? Detail, long? SysUpTime);
}
