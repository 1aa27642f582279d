using System.Diagnostics;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// Where the machine's CPU went between two samples (Linux /proc): this process (silo and client), the
/// private PostgreSQL server and its backends, and everything else (other builds and tests on a shared
/// machine), with idle and I/O wait. Without /proc it reports this process alone.
/// </summary>
internal sealed class CpuMeter(int? postgresProcessId)
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux build that matters here

    public readonly record struct Sample(long At, double Own, double Postgres, double Busy, double Idle, double IoWait);

    public Sample Take()
    {
        using var self = Process.GetCurrentProcess();
        var (busy, idle, ioWait) = Machine();
        return new Sample(Stopwatch.GetTimestamp(), self.TotalProcessorTime.TotalSeconds, Postgres(), busy, idle, ioWait);
    }

    /// <summary>Cores' worth of each share over the interval.</summary>
    public static string Describe(Sample from, Sample to)
    {
        var seconds = Stopwatch.GetElapsedTime(from.At, to.At).TotalSeconds;
        double Cores(double a, double b) => (b - a) / seconds;
        var own = Cores(from.Own, to.Own);
        var postgres = Cores(from.Postgres, to.Postgres);
        var busy = Cores(from.Busy, to.Busy);
        return busy == 0
            ? $"CPU: this process {own:0.00} cores of {Environment.ProcessorCount}"
            : $"CPU, cores of {Environment.ProcessorCount}: this process {own:0.00}, postgres {postgres:0.00}, " +
              $"other processes {Math.Max(0, busy - own - postgres):0.00}, idle {Cores(from.Idle, to.Idle):0.00}, I/O wait {Cores(from.IoWait, to.IoWait):0.00}";
    }

    private static (double Busy, double Idle, double IoWait) Machine()
    {
        if (!File.Exists("/proc/stat")) return (0, 0, 0);
        // cpu  user nice system idle iowait irq softirq steal ...
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(double.Parse).ToArray();
        return ((f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / TicksPerSecond, f[3] / TicksPerSecond, f[4] / TicksPerSecond);
    }

    /// <summary>The postmaster and its children (backends, WAL writer, checkpointer): utime + stime.</summary>
    private double Postgres()
    {
        if (postgresProcessId is not { } postmaster || !Directory.Exists("/proc")) return 0;
        var total = 0.0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // pid (comm) state ppid ... utime(14) stime(15); comm may hold spaces, so count from its ')'.
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (pid == postmaster || int.Parse(f[1]) == postmaster)
                {
                    total += (double.Parse(f[11]) + double.Parse(f[12])) / TicksPerSecond;
                }
            }
            catch (IOException)
            {
                // The process ended while it was being read.
            }
        }
        return total;
    }
}
