using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Tests.Teachers;

public sealed class LedgerNotesTests
{
    private readonly LedgerNotes _notes = new();

    [Fact]
    public void NoNote_IsIndexZero()
    {
        Assert.Equal(0, _notes.IndexOf(null));
        Assert.Null(_notes.NoteAt(0));
    }

    [Fact]
    public void EqualNotes_ShareOneIndex_EvenAsDifferentStrings()
    {
        var first = _notes.IndexOf("daily cap 2 reached");
        var other = _notes.IndexOf("already counted");

        Assert.Equal(first, _notes.IndexOf(string.Concat("daily cap ", "2 reached")));
        Assert.NotEqual(first, other);
        Assert.Equal("already counted", _notes.NoteAt(other));
    }

    [Fact]
    public void MoreThan255Notes_AreRefused()
    {
        for (var i = 0; i < 255; i++)
        {
            _notes.IndexOf($"note {i}");
        }

        Assert.Throws<InvalidOperationException>(() => _notes.IndexOf("one too many"));
    }
}
