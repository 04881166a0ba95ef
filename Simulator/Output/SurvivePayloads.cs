using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulator.Experiments;
using Simulator.Metrics;

namespace Simulator.Output;

/// <summary>
/// The Catena-X payloads of a <c>survive</c> result: DaysOfSupply 2.0.0 (CX-0145) per material and site, and
/// DemandAndCapacityNotification 3.0.0 (CX-0146) per node that needs mitigation.
/// </summary>
/// <remarks>
/// A site whose id is a BPNS (<c>import</c> names sites by their BPNS) keeps it. Otherwise, and for the other numbers
/// a scenario does not carry, they are derived from the ids, the same for the same id every time: a site's BPNS is
/// <c>BPNS</c> + the first 12 hex digits (upper case) of the SHA-256 of <c>site:ID</c> (its BPNA the same with <c>BPNA</c> and <c>address:ID</c>), a material's global asset id the UUID
/// (version 4 layout) of the SHA-256 of <c>material:ID</c>. Map them to the real numbers on the way into the data space.
/// </remarks>
public static class SurvivePayloads
{
    /// <summary>Folder of the DaysOfSupply payloads.</summary>
    public const string DaysOfSupplyFolder = "days-of-supply";

    /// <summary>Folder of the notifications.</summary>
    public const string NotificationsFolder = "notifications";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The BPNS of a plant or supplier: its id when that is a BPNS (as <c>import</c> writes them), else one derived from it.</summary>
    public static string Bpns(string siteId) =>
        IsBpn(siteId, "BPNS") ? siteId : "BPNS" + Hex("site:" + siteId)[..12];

    /// <summary>The BPNA derived for a plant's or supplier's address.</summary>
    public static string Bpna(string siteId) => "BPNA" + Hex("address:" + siteId)[..12];

    /// <summary>The material global asset id derived for a part.</summary>
    public static string MaterialId(string partId) => Uuid("material:" + partId);

    /// <summary>
    /// Every DaysOfSupply payload, by file name: each material and site as it is, and under the outage of each top
    /// risk where it differs from as it is (<c>SITE_PART.json</c>, <c>SITE_PART_outage-KIND-ID.json</c>).
    /// </summary>
    public static IReadOnlyList<(string FileName, string Json)> DaysOfSupply(SurviveResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var files = new List<(string, string)>();
        var asIs = result.DaysOfSupply.FirstOrDefault(s => s.OutageOf is null);
        var baseline = asIs?.Series.ToDictionary(s => (s.SiteId, s.PartId)) ?? [];
        foreach (var scenario in result.DaysOfSupply)
        {
            foreach (var series in scenario.Series)
            {
                if (scenario.OutageOf is { } target && baseline.TryGetValue((series.SiteId, series.PartId), out var same)
                    && same.Points.Select(p => p.Days).SequenceEqual(series.Points.Select(p => p.Days)))
                {
                    continue;
                }

                var name = $"{FileSafe(series.SiteId)}_{FileSafe(series.PartId)}"
                    + (scenario.OutageOf is { } t ? $"_outage-{t.KindName}-{FileSafe(t.Id)}" : string.Empty) + ".json";
                files.Add((name, DaysOfSupplyJson(result, series)));
            }
        }

        return files;
    }

    /// <summary>One DaysOfSupply 2.0.0 payload.</summary>
    public static string DaysOfSupplyJson(SurviveResult result, DaysOfSupplySeries series)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(series);
        var amounts = new JsonArray();
        foreach (var point in series.Points)
        {
            amounts.Add(new JsonObject
            {
                ["date"] = Timestamp(result.AsOf.AddHours(point.TimeHours - result.AsOfHours)),
                ["daysOfSupply"] = point.Days,
            });
        }

        var payload = new JsonObject
        {
            ["materialGlobalAssetId"] = MaterialId(series.PartId),

            // The customer (a plant) reports its own line-side stock to its suppliers, a supplier its finished goods to its customers.
            ["direction"] = series.AtPlant ? "INBOUND" : "OUTBOUND",
            ["allocatedDaysOfSupply"] = new JsonArray
            {
                new JsonObject
                {
                    ["amountOfAllocatedDaysOfSupply"] = amounts,
                    ["stockLocationBPNS"] = Bpns(series.SiteId),
                    ["stockLocationBPNA"] = Bpna(series.SiteId),
                    ["lastUpdatedOnDateTime"] = Timestamp(result.AsOf),
                },
            },
        };
        return payload.ToJsonString(Indented) + "\n";
    }

    /// <summary>One notification per node that needs mitigation, by file name (<c>KIND-ID.json</c>), in rank order.</summary>
    public static IReadOnlyList<(string FileName, string Json)> Notifications(SurviveResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Nodes.Where(n => n.NeedsMitigation)
            .Select(n => ($"{n.Target.KindName}-{FileSafe(n.Target.Id)}.json", NotificationJson(result, n)))
            .ToArray();
    }

    /// <summary>
    /// One DemandAndCapacityNotification 3.0.0: a capacity reduction from the predicted halt to the predicted recovery
    /// (the node back, plus the time the lines need to reach full rate again where the run saw it). The standard has
    /// no cyber cause: an IT system's or provider's outage is <c>other</c>, a supplier's <c>production-incident</c>,
    /// and the text names it.
    /// </summary>
    public static string NotificationJson(SurviveResult result, SurviveNode node)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(node);
        var halt = node.HoursToHalt ?? node.RecoveryHours;
        var end = node.RecoveryHours + (node.LinesBackAfterHours ?? 0);
        var what = node.Target.Kind switch
        {
            StressTargetKind.Supplier => $"supplier {node.Target.Id}",
            StressTargetKind.ItSystem => $"IT system {node.Target.Id} (IT outage)",
            _ => $"IT provider {node.Target.Id} (outage of every system it runs)",
        };
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"linesim survive, scenario '{result.ScenarioName}', as of {Timestamp(result.AsOf)}: ")
            .Append(CultureInfo.InvariantCulture, $"if {what} fails now, line(s) {string.Join(", ", node.LinesAtRisk)} halt after {Hours(halt)} h, ")
            .Append(CultureInfo.InvariantCulture, $"before it is back after {Hours(node.RecoveryHours)} h; about {node.VehiclesAtRisk.ToString("#,0", CultureInfo.InvariantCulture)} vehicles at risk.")
            .Append(node.CauseChain is { } chain ? $" Cause: {HaltCause.Format(chain)}." : string.Empty)
            .Append(node.Optimum is { } lp
                ? string.Create(CultureInfo.InvariantCulture, $" At best (LP, stock and capacity reallocated) the lines keep up for {(lp.TimeToSurviveHours is { } tts ? tts.ToString("0.###", CultureInfo.InvariantCulture) + " h" : "the whole horizon")} and lose at least {lp.LostUnits.ToString("#,0", CultureInfo.InvariantCulture)} vehicles.")
                : string.Empty)
            .ToString();
        var sites = new JsonArray();
        foreach (var plant in node.PlantsAtRisk)
        {
            sites.Add(Bpns(plant));
        }

        var payload = new JsonObject
        {
            ["notificationId"] = Uuid($"notification:{result.ScenarioName}:{Timestamp(result.AsOf)}:{node.Target.KindName}:{node.Target.Id}"),
            ["sourceDisruptionId"] = Uuid($"disruption:{result.ScenarioName}:{node.Target.KindName}:{node.Target.Id}"),
            ["leadingRootCause"] = node.Target.Kind == StressTargetKind.Supplier ? "production-incident" : "other",
            ["effect"] = "capacity-reduction",
            ["status"] = "open",
            ["startDateOfEffect"] = Timestamp(result.AsOf.AddHours(halt)),
            ["expectedEndDateOfEffect"] = Timestamp(result.AsOf.AddHours(end)),
            ["contentChangedAt"] = Timestamp(result.AsOf),
            ["text"] = text.Length > 4000 ? text[..4000] : text,
            ["affectedSitesRecipient"] = sites,
        };
        if (node.Target.Kind == StressTargetKind.Supplier)
        {
            payload["affectedSitesSender"] = new JsonArray { Bpns(node.Target.Id) };
        }

        return payload.ToJsonString(Indented) + "\n";
    }

    private static bool IsBpn(string id, string prefix) =>
        id.Length == 16 && id.StartsWith(prefix, StringComparison.Ordinal) && id[4..].All(char.IsAsciiLetterOrDigit);

    private static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Hours(double hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);

    private static string FileSafe(string id) =>
        string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));

    private static string Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Uuid(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexString(bytes).ToLowerInvariant();
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
