using Orleans;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>What a query learns of a teacher: its roster entry and its scores around a date.</summary>
[GenerateSerializer, Alias("zl.TeacherView")]
public sealed record TeacherView(TeacherEntry Entry, TeacherScores Scores);
