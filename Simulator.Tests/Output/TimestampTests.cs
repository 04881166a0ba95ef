using Simulator.Output;

namespace Simulator.Tests.Output;

public sealed class TimestampTests
{
    private static readonly DateTimeOffset Start = new(2025, 9, 1, 6, 0, 0, TimeSpan.FromHours(1));

    [TestCase(10.0, "2025-09-01T16:00:00+01:00")]
    [TestCase(1.5, "2025-09-01T07:30:00+01:00")]
    [TestCase(51.24169355337022, "2025-09-03T09:14:30.096+01:00")]
    public void Timestamps_keep_the_start_offset_and_show_at_most_milliseconds(double hours, string expected) =>
        Assert.That(Invariant.Timestamp(Start, hours), Is.EqualTo(expected));
}
