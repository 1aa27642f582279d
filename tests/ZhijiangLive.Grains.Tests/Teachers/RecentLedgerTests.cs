using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Tests.Teachers;

public sealed class RecentLedgerTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly int MondayNumber = Monday.DayNumber;

    private readonly RecentLedger _ledger = new();
    private readonly LedgerNotes _notes = new();

    [Fact]
    public void Read_GivesTheDaysEntriesInAcceptanceOrder_WithRuleAndNote()
    {
        Add(Entry("a", RuleIds.Teaching, 5, Monday));
        Add(Entry("b", RuleIds.Login, 1, Monday.AddDays(-1)));
        Add(Entry("c", RuleIds.MobileOp, 0, Monday, "daily cap 2 reached"));

        var day = _ledger.Read(Monday, MondayNumber - 3, _notes);

        Assert.Equal((true, true), (day.Kept, day.Complete));
        Assert.Equal([Entry("a", RuleIds.Teaching, 5, Monday), Entry("c", RuleIds.MobileOp, 0, Monday, "daily cap 2 reached")], day.Entries);
    }

    [Fact]
    public void Read_KeptDayWithoutEvents_IsKeptAndEmpty()
    {
        Add(Entry("a", RuleIds.Teaching, 5, Monday));

        var day = _ledger.Read(Monday.AddDays(-2), MondayNumber - 3, _notes);

        Assert.Equal((true, true, 0), (day.Kept, day.Complete, day.Entries.Count));
    }

    [Fact]
    public void Read_DayBeforeTheWindow_IsNotKept()
    {
        Add(Entry("a", RuleIds.Teaching, 5, Monday));

        var day = _ledger.Read(Monday, MondayNumber + 1, _notes);

        Assert.Equal((false, false, 0), (day.Kept, day.Complete, day.Entries.Count));
    }

    [Fact]
    public void Add_WithALaterWindow_DropsTheDaysBeforeIt()
    {
        Add(Entry("a", RuleIds.Teaching, 5, Monday));
        Add(Entry("b", RuleIds.Teaching, 5, Monday.AddDays(1)));

        _ledger.Add(Entry("c", RuleIds.Login, 1, Monday.AddDays(4)), MondayNumber + 1, capacity: 64, _notes);

        Assert.Equal(2, _ledger.Count);
        Assert.Equal(["b"], _ledger.Read(Monday.AddDays(1), MondayNumber + 1, _notes).Entries.Select(e => e.EventId));
        Assert.False(_ledger.Read(Monday, MondayNumber - 3, _notes).Kept);
    }

    [Fact]
    public void Add_PastTheCap_DropsTheOldest_AndMarksItsDayIncomplete()
    {
        Add(Entry("a", RuleIds.Login, 1, Monday.AddDays(-1)), capacity: 2);
        Add(Entry("b", RuleIds.Teaching, 5, Monday), capacity: 2);
        Add(Entry("c", RuleIds.Teaching, 5, Monday), capacity: 2);

        var sunday = _ledger.Read(Monday.AddDays(-1), MondayNumber - 3, _notes);
        var monday = _ledger.Read(Monday, MondayNumber - 3, _notes);

        Assert.Equal((true, false, 0), (sunday.Kept, sunday.Complete, sunday.Entries.Count));
        Assert.Equal((true, true), (monday.Kept, monday.Complete));
        Assert.Equal(["b", "c"], monday.Entries.Select(e => e.EventId));
    }

    [Fact]
    public void CappedMark_MovesWithTheWindow()
    {
        Add(Entry("a", RuleIds.Login, 1, Monday.AddDays(-1)), capacity: 1);
        Add(Entry("b", RuleIds.Teaching, 5, Monday), capacity: 1);

        _ledger.Add(Entry("c", RuleIds.Teaching, 5, Monday), MondayNumber - 1, capacity: 1, _notes);

        Assert.False(_ledger.Read(Monday.AddDays(-1), MondayNumber - 1, _notes).Complete);
        Assert.False(_ledger.Read(Monday, MondayNumber - 1, _notes).Complete);
        Assert.True(_ledger.Read(Monday.AddDays(1), MondayNumber - 1, _notes).Complete);
    }

    [Fact]
    public void EventIds_OfAnyLengthAndScript_RoundTrip()
    {
        var ids = new[] { "e", "事件-之江汇-0001", new string('x', 300), "" };
        foreach (var id in ids)
        {
            Add(Entry(id, RuleIds.App, 2, Monday));
        }

        Assert.Equal(ids, _ledger.Read(Monday, MondayNumber - 3, _notes).Entries.Select(e => e.EventId));
    }

    [Fact]
    public void Capacity_Zero_KeepsNothing()
    {
        Add(Entry("a", RuleIds.Teaching, 5, Monday), capacity: 0);

        Assert.Equal(0, _ledger.Count);
        Assert.Empty(_ledger.Read(Monday, MondayNumber - 3, _notes).Entries);
    }

    private void Add(LedgerEntry entry, int capacity = 64) => _ledger.Add(entry, MondayNumber - 3, capacity, _notes);

    private static LedgerEntry Entry(string id, string rule, int points, DateOnly day, string? note = null) => new(id, rule, points, day, note);
}
