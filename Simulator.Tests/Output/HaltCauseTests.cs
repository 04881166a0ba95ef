using System.Text.Json;
using CsCheck;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Tests.Support;

namespace Simulator.Tests.Output;

/// <summary>The text of a typed cause chain: the results contract's form, and read back to the same chain.</summary>
public sealed class HaltCauseTests
{
    private static readonly ItFunction[] Functions = [ItFunction.ProductionControl, ItFunction.OrderTransmission, ItFunction.Logistics];

    private static readonly Gen<string> Ids = Gen.Char["ABCXYZabcxyz0129._-"].Array[1, 6].Select(c => new string(c));

    private static readonly Gen<ItFunction> AnyFunction = Gen.Int[0, 2].Select(i => Functions[i]);

    private static readonly Gen<CauseLink> Links = Gen.OneOf(
        Ids.Select(CauseLink.Part),
        Gen.Select(Ids, Gen.Int[1, 12]).Select(x => CauseLink.Supplier(x.Item1, x.Item2)),
        Gen.Select(Ids, AnyFunction, Gen.Bool).Select(x => CauseLink.ItSystem(x.Item1, x.Item2) with { ManualFallback = x.Item3 }),
        Ids.Select(CauseLink.Node),
        Ids.Select(CauseLink.PlannedStop),
        AnyFunction.Select(CauseLink.FunctionDown));

    private static readonly Gen<CauseChain> Chains = Links.Array[0, 6].Select(links => new CauseChain(links));

    [Test]
    public void Each_kind_of_link_has_the_text_of_the_results_contract()
    {
        var chain = new CauseChain([
            CauseLink.Part("SEAT"),
            CauseLink.Supplier("T1-SEATS", 1),
            CauseLink.Part("FOAM"),
            CauseLink.Supplier("T2", 2),
            CauseLink.ItSystem("OEM-EDI", ItFunction.OrderTransmission) with { ManualFallback = true },
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(HaltCause.Format(chain), Is.EqualTo("part:SEAT <- supplier:T1-SEATS (tier 1) <- part:FOAM <- supplier:T2 (tier 2) <- it:OEM-EDI (order_transmission) on manual fallback"));
            Assert.That(HaltCause.Format(CauseChain.Of(CauseLink.Node("T2"))), Is.EqualTo("node:T2 (down)"));
            Assert.That(HaltCause.Format(CauseChain.Of(CauseLink.PlannedStop("tuesday"))), Is.EqualTo("planned:tuesday (planned stop)"));
            Assert.That(HaltCause.Format(CauseChain.Of(CauseLink.ItSystem("WMS", ItFunction.Logistics))), Is.EqualTo("it:WMS (logistics)"));
            Assert.That(HaltCause.Format(CauseChain.Of(CauseLink.FunctionDown(ItFunction.ProductionControl))), Is.EqualTo("production_control"));
            Assert.That(HaltCause.Format(CauseChain.None), Is.Empty);
            Assert.That(HaltCause.Format((CauseChain?)null), Is.Empty);
        });
    }

    [TestCase("part:SEAT <- supplier:T2 (tier 2) <- node:T2 (down)", "node:T2")]
    [TestCase("part:SEAT <- supplier:T1 (tier 1) <- it:OEM-EDI (order_transmission) on manual fallback", "it:OEM-EDI")]
    [TestCase("part:SEAT <- supplier:T1 (tier 1)", "supplier:T1")]
    [TestCase("production_control", "production_control")]
    public void A_root_cause_is_shown_by_kind_and_id_without_its_qualifier(string chain, string root) =>
        Assert.That(HaltCause.FormatRoot(Headline.Root(HaltCause.Parse(chain))), Is.EqualTo(root));

    [Test]
    public void A_chain_read_back_from_its_text_is_the_same_chain() =>
        Chains.Sample(chain => HaltCause.Parse(HaltCause.Format(chain)).Equals(chain), iter: PropertyRuns.Count(2000), print: HaltCause.Format);

    [Test]
    public void Chains_order_as_their_texts_do_ordinally()
    {
        // Rankings break ties on the chain; the order must be the one the text-based code had.
        Gen.Select(Chains, Chains).Sample(
            pair => Math.Sign(pair.Item1.CompareTo(pair.Item2)) == Math.Sign(string.CompareOrdinal(HaltCause.Format(pair.Item1), HaltCause.Format(pair.Item2))),
            iter: PropertyRuns.Count(4000),
            print: pair => $"{HaltCause.Format(pair.Item1)} | {HaltCause.Format(pair.Item2)}");
    }

    [Test]
    public void Chains_that_share_a_prefix_order_as_their_texts_do()
    {
        var shorter = new CauseChain([CauseLink.Part("A"), CauseLink.Supplier("S", 1)]);
        var longer = new CauseChain([CauseLink.Part("A"), CauseLink.Supplier("S-2", 1)]);
        var extended = new CauseChain([CauseLink.Part("A"), CauseLink.Supplier("S", 1), CauseLink.Node("S")]);
        Assert.Multiple(() =>
        {
            Assert.That(shorter.CompareTo(longer), Is.Negative, "'S (' sorts before 'S-2'");
            Assert.That(shorter.CompareTo(extended), Is.Negative);
            Assert.That(extended.CompareTo(longer), Is.Negative);
        });
    }

    [Test]
    public void Tiers_order_as_their_text_does()
    {
        // Found by the property test above (seed 8sTGhxdWour3): "(tier 11)" sorts before "(tier 4)" as text.
        var tierFour = CauseChain.Of(CauseLink.Supplier("9", 4));
        var tierEleven = CauseChain.Of(CauseLink.Supplier("9", 11));
        Assert.That(tierEleven.CompareTo(tierFour), Is.Negative);
        Assert.That(string.CompareOrdinal(HaltCause.Format(tierEleven), HaltCause.Format(tierFour)), Is.Negative);
    }

    [TestCase("part:SEAT (jis)")]
    [TestCase("supplier:T1")]
    [TestCase("supplier:T1 (tier one)")]
    [TestCase("it:MES (painting)")]
    [TestCase("node:T2")]
    [TestCase("lane:L1")]
    [TestCase("part:")]
    [TestCase("node:T2 (down) on manual fallback")]
    public void Text_that_is_not_a_chain_is_refused_with_the_link_named(string link)
    {
        var error = Assert.Throws<FormatException>(() => HaltCause.Parse($"part:SEAT <- {link}"));
        Assert.That(error!.Message, Does.StartWith($"'{link}' is not a link of a cause chain"));
    }

    [Test]
    public void An_event_with_a_cause_writes_the_cause_then_its_detail()
    {
        var fallback = new EventRecord(3, "PLANT", EventKinds.FallbackActive, "at 50 %", CauseChain.Of(CauseLink.ItSystem("MES", ItFunction.ProductionControl)));
        var halt = new EventRecord(4, "L1", EventKinds.Halt, string.Empty, CauseChain.Of(CauseLink.Node("PLANT")));
        var restart = new EventRecord(5, "L1", EventKinds.Restart, "after 1 h");
        Assert.Multiple(() =>
        {
            Assert.That(HaltCause.EventDetail(fallback), Is.EqualTo("it:MES (production_control) at 50 %"));
            Assert.That(HaltCause.EventDetail(halt), Is.EqualTo("node:PLANT (down)"));
            Assert.That(HaltCause.EventDetail(restart), Is.EqualTo("after 1 h"));
        });
    }

    [Test]
    public void A_shard_record_holds_the_chain_as_its_text_and_reads_back_the_same_chain()
    {
        var options = new JsonSerializerOptions { Converters = { new CauseChainJsonConverter() } };
        var chain = new CauseChain([CauseLink.Part("SEAT"), CauseLink.Supplier("T1", 1), CauseLink.Node("T1")]);
        var json = JsonSerializer.Serialize(new[] { chain, CauseChain.None }, options);
        Assert.Multiple(() =>
        {
            Assert.That(json, Is.EqualTo("[\"part:SEAT \\u003C- supplier:T1 (tier 1) \\u003C- node:T1 (down)\",\"\"]"));
            Assert.That(JsonSerializer.Deserialize<CauseChain[]>(json, options), Is.EqualTo(new[] { chain, CauseChain.None }));
        });
    }
}
