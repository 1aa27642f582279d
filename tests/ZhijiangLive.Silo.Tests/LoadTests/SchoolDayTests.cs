using ZhijiangLive.LoadTests.Options;
using ZhijiangLive.LoadTests.Traffic;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class SchoolDayTests
{
    private static double Share(double hour, EventKind kind) => SchoolDay.Mix(hour)[(int)kind] / SchoolDay.Mix(hour).Sum();

    [Fact]
    public void The_curve_averages_one_over_the_day_so_a_day_of_traffic_is_the_days_events()
    {
        var mean = Enumerable.Range(0, 24 * 60).Average(m => SchoolDay.Density(m / 60.0));
        Assert.InRange(mean, 0.99, 1.01);
    }

    [Fact]
    public void Mornings_peak_and_nights_are_quiet()
    {
        Assert.True(SchoolDay.Density(7.5) > 2.5, "the login peak before classes");
        Assert.True(SchoolDay.Density(3) < 0.05, "the night");
        Assert.True(SchoolDay.Density(12.5) < SchoolDay.Density(10), "the lunch break");
        Assert.True(SchoolDay.Density(20) > SchoolDay.Density(17.75), "homework in the evening");
    }

    [Fact]
    public void Logins_crowd_the_morning_teaching_the_class_periods_and_homework_the_evening()
    {
        Assert.True(Share(7.5, EventKind.Login) > 3 * Share(14, EventKind.Login));
        Assert.True(Share(10, EventKind.Teaching) > 10 * Share(23, EventKind.Teaching));
        Assert.True(Share(20, EventKind.Engagement) > 2 * Share(10, EventKind.Engagement));
        Assert.All(Enum.GetValues<EventKind>(), kind => Assert.True(Share(10, kind) > 0, $"{kind} never happens"));
    }

    [Fact]
    public void Speedup_runs_the_simulated_day_faster_and_the_rate_follows_it()
    {
        var pacer = new Pacer(new LoadOptions { Speedup = 60, Start = new TimeOnly(7, 0), EventsPerTeacher = 40 }, teachers: 600_000);
        Assert.Equal(8.0, pacer.HourAt(TimeSpan.FromMinutes(1)), 6);
        var rate = pacer.RateAt(TimeSpan.FromMinutes(0.5));
        Assert.Equal(600_000 * 40 / 86_400.0 * SchoolDay.Density(7.5) * 60, rate, 6);
    }
}
