namespace Simulator.Engine;

/// <summary>The interrupt cause a process receives when a request of higher priority takes its unit of a resource.</summary>
/// <param name="By">The process whose request preempted the unit, or null when the request came from outside any process.</param>
/// <param name="UsageSince">The time in hours at which the preempted request had been granted.</param>
/// <param name="Resource">The resource whose unit was taken.</param>
/// <param name="Request">The preempted request; it no longer holds the unit.</param>
public sealed record Preempted(SimProcess? By, double UsageSince, ResourceBase Resource, Request Request);
