using System.Reflection;
using Simulator.Model;

namespace Simulator.Tests.Model;

/// <summary>
/// Every field of a runtime object has been decided on for the early stop's state digest: written by its
/// <c>WriteState</c>, or left out for the reason the method gives. A field added later fails this test until it is
/// decided on, so that the early stop stays exact while the runtime changes.
/// </summary>
public sealed class RuntimeStateCoverageTests
{
    private static readonly Dictionary<Type, string[]> Decided = new()
    {
        [typeof(LineRun)] =
        [
            "_ctx", "_runout", "_reorder", "_restartJobs", "_valuePerJob",
            "_sleepingLanes", "_wake", "_waitingForStock", "_blocking", "_wakeAt",
            "_haltStart", "_rampStart", "_rampEnd", "_rampHours", "_restartGeneration",
            "_fullRateSince", "_affected", "_anchorTime", "_anchorJobs", "_anchorRate",
            "_expectedStart", "<Plan>k__BackingField", "<Feeds>k__BackingField", "<Production>k__BackingField", "<OrderTransmission>k__BackingField",
            "<Logistics>k__BackingField", "<JobsStarted>k__BackingField", "<JobsCompleted>k__BackingField", "<Halted>k__BackingField", "<FirstHalt>k__BackingField",
            "<FirstHaltCause>k__BackingField", "<RestartAfterFirstHalt>k__BackingField", "<DowntimeHours>k__BackingField", "<DisruptionEnd>k__BackingField", "<RampOverride>k__BackingField",
            "_capDayStarted", "_capIndex", "_idleUntil", "_jobsBeforeCapDay",
        ],
        [typeof(FeedRun)] =
        [
            "_ctx", "_supplierOnHand", "_supplierConsumed", "_lastSequenceJobs", "<Plan>k__BackingField",
            "<Line>k__BackingField", "<Supplier>k__BackingField", "<Lanes>k__BackingField", "<Ordered>k__BackingField", "<Delivered>k__BackingField",
            "<LineIndex>k__BackingField", "<StockOut>k__BackingField", "<ReceivedAt>k__BackingField",
            "_initialUnits", "_perJob", "_sequence", "_lanes", "_shares", "_sharesStale", "_soleLane", "_onlyLane", "<InputCell>k__BackingField",
            "_kanban", "_baseStock", "_reorderPoint", "_orderQuantity", "_leadJobs", "_orderUpToUnits", "<UnitCost>k__BackingField",
        ],
        [typeof(LaneRun)] =
        [
            "_ctx", "_road", "_callOffs", "_transit",
            "_lastTransmitSync", "_sourceDown", "_failGeneration", "_jobsAtLastTick", "<Plan>k__BackingField",
            "<Feed>k__BackingField", "<Origin>k__BackingField", "<Transmission>k__BackingField", "<SourceTransmission>k__BackingField", "<Dispatch>k__BackingField",
            "<Receipt>k__BackingField", "<Active>k__BackingField", "<TakesOver>k__BackingField", "<Allocated>k__BackingField", "<Transmitted>k__BackingField",
            "<Shipped>k__BackingField", "<Received>k__BackingField", "<InitialInTransit>k__BackingField", "<Dispatcher>k__BackingField", "<DispatchSlot>k__BackingField",
            "<OriginSlot>k__BackingField", "<OnNextDeparture>k__BackingField", "<Share>k__BackingField", "_fixedTransitHours", "_transitHours", "_gateEpoch", "_factorsEpoch", "_transmissionFactor", "_dispatchFactor", "_receiptFactor", "_leadHours", "_product", "_sequence",
        ],
        [typeof(SupplierRun)] =
        [
            "_ctx", "_products", "_cells", "_recipes", "_inputs", "_calendar", "_sharedCapacityPerHour", "_gateEpoch", "_productionEpoch", "_productionFactor",
            "_ready", "<Plan>k__BackingField", "<Outgoing>k__BackingField",
            "<Production>k__BackingField", "<OrderTransmission>k__BackingField", "<Logistics>k__BackingField",
            "_grant", "_want", "_weight",
            "_allowance",
        ],
        [typeof(DispatchRun)] =
        [
            "_env", "_everyHours", "_lanes", "_activeCount", "_active",
            "_lateLanes", "_process", "_asleep", "_woken", "_lastDispatch", "_lateDispatchPending", "_step", "_current",
            "<Name>k__BackingField",
        ],
        [typeof(OrderBook)] =
        [
            "_orders", "_head", "_count",
        ],
        [typeof(CallOffLog)] =
        [
            "_oldest", "_later", "_head", "_count",
        ],
        [typeof(Road)] =
        [
            "_inline", "_spill", "_count",
        ],
        [typeof(FeedHeap)] =
        [
            "_key", "_items", "_slotOf", "_feeds", "_onlyLanes", "_count",
        ],
        [typeof(Gate)] =
        [
            "_holds", "_listeners", "_listening", "<Entity>k__BackingField", "<Function>k__BackingField", "<Epoch>k__BackingField",
            "<Factor>k__BackingField", "<Cause>k__BackingField",
            "<CauseIsPlanned>k__BackingField",
        ],
        [typeof(ProductionCell)] =
        [
            "<Products>k__BackingField", "<SoleProduct>k__BackingField", "<Inputs>k__BackingField", "<Drawn>k__BackingField", "<SequenceLanes>k__BackingField", "<AdvancedTo>k__BackingField",
            "<AdvancedFrom>k__BackingField",
        ],
        [typeof(RunContext)] =
        [
            "_gates", "_epoch", "<Network>k__BackingField", "<Env>k__BackingField", "<Streams>k__BackingField",
            "<Options>k__BackingField", "<Inventory>k__BackingField", "<FirstDisruptionStart>k__BackingField", "<Events>k__BackingField", "<Samples>k__BackingField",
            "<Windows>k__BackingField",
        ],
        [typeof(SupplierRun).GetNestedType("ProductState", BindingFlags.NonPublic)!] =
        [
            "Finished", "Free", "Backlog", "ArrivedBefore", "Produced", "Cell", "Book",
        ],
        [typeof(GateGroup)] =
        [
            "_epoch", "_factor",
            "_gates", "_runEpoch",
        ],
    };

    private static IEnumerable<TestCaseData> Types() => Decided.Keys.Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    [TestCaseSource(nameof(Types))]
    public void Every_field_of_a_runtime_object_is_decided_on_for_the_state_digest(Type type)
    {
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.Name).Order(StringComparer.Ordinal);

        Assert.That(fields, Is.EquivalentTo(Decided[type]), $"a field of {type.Name} was added or removed: write it in its WriteState or say there why it is left out, then list it here");
    }
}
