namespace Simulator.Engine;

/// <summary>
/// The failure of a request refused because the waiting line of its resource was full. The request is defused
/// when it fails, so a process that checks <see cref="Request.Status"/> and turns away need not yield it; one that
/// yields it resumes with this as its <see cref="SimProcess.Fault"/>.
/// </summary>
public sealed class QueueFullException : Exception
{
    /// <summary>Creates the failure of <paramref name="request"/>.</summary>
    public QueueFullException(Request request)
        : base($"{request.Describe()} was refused: {request.Resource.QueueLength} requests already wait, the most resource '{request.Resource.Name}' queues.")
    {
        Request = request;
    }

    /// <summary>The refused request.</summary>
    public Request Request { get; }
}
