using DcimAgent.Model.Profiles;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Querying;

/// <summary>
/// Detection by what a device answers, for a device whose sysObjectID no profile lists: another model of a
/// vendor family (a sibling product OID), a vendor-wide agent OID shared by UPS, PDU and cooling cards, or a
/// generic agent (net-snmp's 8072 arc) serving a vendor MIB. Candidates are the vendor profiles of the device's
/// enterprise arc (all vendor profiles when no profile shares it); each is scored by how many of the tables and
/// scalar objects it reads answer. Walking the object rather than GETting <c>X.0</c> also counts agents that publish
/// scalars without the instance. Runs only when the sysObjectID matched nothing, once per detection.
/// </summary>
internal static class CapabilityDetection
{
    private const int EnterpriseArcLength = 7; // 1.3.6.1.4.1.N

    private static readonly Oid Enterprises = Oid.Parse("1.3.6.1.4.1");

    public static async ValueTask<(Profile? Profile, string Why)> DetectAsync(
        ISnmpQuerier querier, ProfileCatalog catalog, Oid? sysObjectId, CancellationToken cancellationToken)
    {
        var vendorProfiles = catalog.Profiles.Where(p => p.Match.SysObjectIdPrefixes.Count > 0).ToList();
        var arc = VendorArc(sysObjectId);
        var sameVendor = arc is { } a ? vendorProfiles.Where(p => p.Match.SysObjectIdPrefixes.Any(x => VendorArc(x) == a)).ToList() : [];
        var candidates = sameVendor.Count > 0 ? sameVendor : vendorProfiles;

        var probesOf = candidates.ToDictionary(p => p, ProbeRoots);
        var roots = ProfileCatalog.Deduplicate(probesOf.Values.SelectMany(r => r)).ToList();
        if (roots.Count == 0)
        {
            return (null, "no candidate profile reads any object");
        }

        var walked = await querier.WalkManyAsync(roots, cancellationToken);
        // Deduplicate folds nested roots into their parent, so a probe answers when any value lies below it.
        var values = walked.Where(w => w.Ok).SelectMany(w => w.VarBinds).Where(v => !v.Value.IsException).Select(v => v.Oid).ToList();
        var answering = new HashSet<Oid>(probesOf.Values.SelectMany(p => p).Where(probe => values.Any(probe.IsPrefixOf)));

        Profile? best = null;
        var bestScore = (Answered: 0, Share: 0.0, Priority: int.MinValue);
        foreach (var (profile, probes) in probesOf.OrderBy(kv => kv.Key.Name, StringComparer.Ordinal))
        {
            var answered = probes.Count(answering.Contains);
            if (answered == 0)
            {
                continue;
            }

            var score = (answered, (double)answered / probes.Count, profile.Match.Priority);
            if (score.CompareTo(bestScore) > 0)
            {
                best = profile;
                bestScore = score;
            }
        }

        return best is null
            ? (null, $"none of the {candidates.Count} candidate profiles' tables answer")
            : (best, $"{best.Name}: {bestScore.Answered} of {probesOf[best].Count} objects it reads answer (of {candidates.Count} candidates{(sameVendor.Count > 0 ? " of the same vendor arc" : "")})");
    }

    /// <summary>The objects a profile reads: each table's entry and each scalar's object (its OID without <c>.0</c>).</summary>
    private static List<Oid> ProbeRoots(Profile profile)
    {
        var roots = new List<Oid>();
        foreach (var table in profile.Tables)
        {
            roots.Add(table.Entry);
        }

        foreach (var scalar in profile.Scalars)
        {
            if (scalar.Oid is { } oid && oid.Length > 1)
            {
                roots.Add(oid[oid.Length - 1] == 0 ? new Oid(oid.Arcs[..^1]) : oid);
            }
        }

        return [.. ProfileCatalog.Deduplicate(roots)];
    }

    private static Oid? VendorArc(Oid? id) =>
        id is { } o && o.Length >= EnterpriseArcLength && Enterprises.IsPrefixOf(o) ? new Oid(o.Arcs[..EnterpriseArcLength]) : null;
}
