using Orleans;
using ZhijiangLive.Grains.Aggregation;

namespace ZhijiangLive.Grains.Schools;

/// <summary>
/// One school on Orleans, keyed by school id: counts its unlocked teachers, their points and active spaces
/// per period, ranks them, and passes teacher reports on to its county. It grows here as the school moves
/// off the stand-in runtime; for now it takes reports.
/// </summary>
[Alias("zl.ISchoolGrain")]
public interface ISchoolGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes the reports one teacher call produced, in the order they were made; the school keeps the
    /// newest of each teacher by sequence number, so a stale one changes nothing.
    /// </summary>
    [Alias("Receive")]
    Task ReceiveAsync(TeacherChange[] reports);
}
