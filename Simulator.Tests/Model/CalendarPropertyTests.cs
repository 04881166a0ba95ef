using CsCheck;
using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Tests.Model;

/// <summary>
/// The calendar's look-ups on random shift patterns, at random hours and exactly at shift starts and ends: they must
/// agree with each other, so that an off-by-one in finding the interval of an hour shows.
/// </summary>
public sealed class CalendarPropertyTests
{
    private static readonly DateTimeOffset Origin = new(2025, 9, 1, 6, 0, 0, TimeSpan.FromHours(1));

    // A shift of whole quarter hours on a random set of weekdays; overnight when it ends before it starts.
    private static readonly Gen<ShiftSpec> Shift = Gen.Select(Gen.Int[0, 95], Gen.Int[1, 95], Gen.Int[1, 127])
        .Select((start, length, days) => new ShiftSpec(
            [.. Enum.GetValues<DayOfWeek>().Where(d => (days & (1 << (int)d)) != 0)],
            TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(15 * start)),
            TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(15 * ((start + length) % 96)))));

    private static readonly Gen<Calendar> Calendars = Gen.Select(Shift.Array[1, 3], Gen.Int[0, 20].Array[0, 3])
        .Select((shifts, holidays) => Calendar.Build(
            new CalendarSpec("c", shifts, [.. holidays.Select(d => DateOnly.FromDateTime(Origin.Date).AddDays(d))]),
            Origin,
            240));

    [Test]
    public void Open_hours_next_opening_and_adding_open_hours_agree_at_any_hour_and_at_every_edge()
    {
        Gen.Select(Calendars, Gen.Double[-30, 300].Array[2, 6]).Sample((calendar, hours) =>
        {
            // The edges reached from the random hours: the next opening and the close after it.
            var queries = hours.ToList();
            foreach (var h in hours)
            {
                var open = calendar.NextOpen(h);
                if (double.IsFinite(open))
                {
                    queries.Add(open);
                    queries.Add(calendar.NextClose(open));
                }
            }

            foreach (var h in queries)
            {
                var next = calendar.NextOpen(h);
                Assert.That(calendar.IsOpen(h), Is.EqualTo(next == h), $"IsOpen({h}) against NextOpen = {next}");
                if (double.IsFinite(next))
                {
                    var close = calendar.NextClose(next);
                    Assert.That(calendar.IsOpen(next), Is.True, $"the opening {next} is open");
                    Assert.That(close, Is.GreaterThan(next), $"the interval from {next} ends after it");
                    Assert.That(calendar.IsOpen(close), Is.False, $"the close {close} is closed (end exclusive, intervals merged)");
                    Assert.That(calendar.OpenHoursBetween(next, close), Is.EqualTo(close - next).Within(1e-9), $"open throughout [{next}, {close})");
                    Assert.That(calendar.OpenHoursBetween(h, next), Is.EqualTo(0).Within(1e-9), $"closed between {h} and {next}");
                }

                foreach (var later in queries.Where(q => q > h))
                {
                    // Zero open hours from a closed hour reach the next opening, which may lie past the later hour.
                    var open = calendar.OpenHoursBetween(h, later);
                    var reached = calendar.AddOpenHours(h, open);
                    Assert.That(calendar.OpenHoursBetween(h, reached), Is.EqualTo(open).Within(1e-9), $"{open} open hours after {h} are all counted by {reached}");
                    if (open > 1e-9)
                    {
                        Assert.That(reached, Is.LessThanOrEqualTo(later + 1e-9), $"{open} open hours after {h} come by {later}");
                    }
                }
            }
        });
    }
}
