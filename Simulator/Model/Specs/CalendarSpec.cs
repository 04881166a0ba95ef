namespace Simulator.Model.Specs;

/// <summary>A named shift pattern: the weekly open windows and the closed holidays.</summary>
/// <param name="Id">Calendar id referenced by lines and suppliers.</param>
/// <param name="Shifts">Weekly open windows; an empty list with no holidays means always open.</param>
/// <param name="Holidays">Dates (in the local time of the site using the calendar) on which nothing is open.</param>
public sealed record CalendarSpec(string Id, IReadOnlyList<ShiftSpec> Shifts, IReadOnlyList<DateOnly> Holidays)
{
    /// <summary>Id of the implicit calendar that is open around the clock.</summary>
    public const string AlwaysOpenId = "24x7";
}

/// <summary>An open window repeated on the given weekdays; an end at or before the start crosses midnight.</summary>
/// <param name="Days">Weekdays on which the window starts.</param>
/// <param name="Start">Local start time of the window.</param>
/// <param name="End">Local end time of the window.</param>
public sealed record ShiftSpec(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End);
