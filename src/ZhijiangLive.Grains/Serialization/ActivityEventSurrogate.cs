using Orleans;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Serialization;

/// <summary>
/// An <see cref="ActivityEvent"/> on the wire between grains. The scoring engine stays free of Orleans, so
/// its event travels as this flat record: the body's kind and up to three strings, a number and flags.
/// </summary>
[GenerateSerializer, Alias("zl.ActivityEvent")]
public struct ActivityEventSurrogate
{
    [Id(0)] public string EventId;
    [Id(1)] public string TeacherId;
    [Id(2)] public DateTimeOffset OccurredAt;
    [Id(3)] public byte Client;
    [Id(4)] public byte Kind;
    [Id(5)] public string? A;
    [Id(6)] public string? B;
    [Id(7)] public string? C;
    [Id(8)] public int Number;
    [Id(9)] public byte Flags;
}

[RegisterConverter]
public sealed class ActivityEventConverter : IConverter<ActivityEvent, ActivityEventSurrogate>
{
    // Kinds are wire values: append new ones, never renumber.
    private const byte LoginKind = 1, Profile = 2, Mobile = 3, Spread = 4, Reviewed = 5, Deleted = 6,
        Teaching = 7, Published = 8, Engagement = 9, Interact = 10, App = 11, NewResource = 12, Marked = 13,
        Followed = 14, Following = 15, Visited = 16, GotReview = 17;

    public ActivityEvent ConvertFromSurrogate(in ActivityEventSurrogate s) =>
        new(s.EventId, s.TeacherId, s.OccurredAt, (ClientKind)s.Client, s.Kind switch
        {
            LoginKind => Login.Instance,
            Profile => new ProfileUpdated((s.Flags & 1) != 0, (s.Flags & 2) != 0, (s.Flags & 4) != 0, (s.Flags & 8) != 0),
            Mobile => new MobileOperation(s.A!),
            Spread => new ResourceSpread(s.A!, s.B!, s.C!),
            Reviewed => new ResourceReviewed(s.A!, (ReviewLevel)s.Number),
            Deleted => new ResourceDeleted(s.A!),
            Teaching => new TeachingSession(s.A!, s.Number),
            Published => new TaskPublished(s.A!, s.B!),
            Engagement => new TaskEngagement(s.A!, s.B!, s.Flags != 0),
            Interact => new Interaction(s.A!, s.B!),
            App => new AppUsage(s.A!),
            NewResource => new ResourcePublished(s.A!, s.B!, s.Flags != 0),
            Marked => new HomeworkMarked(s.A!, s.B!),
            Followed => new SpaceFollowed(s.A!, s.Flags != 0),
            Following => new SpaceFollowing(s.A!, s.Flags != 0),
            Visited => new SpaceVisited(s.A!),
            GotReview => new ReviewReceived(s.A!, s.B!, s.Flags != 0),
            _ => throw new InvalidDataException($"activity body kind {s.Kind} is unknown to this build"),
        });

    public ActivityEventSurrogate ConvertToSurrogate(in ActivityEvent value)
    {
        var s = new ActivityEventSurrogate
        {
            EventId = value.EventId,
            TeacherId = value.TeacherId,
            OccurredAt = value.OccurredAt,
            Client = (byte)value.Client,
        };
        switch (value.Body)
        {
            case Login: s.Kind = LoginKind; break;
            case ProfileUpdated p:
                s.Kind = Profile;
                s.Flags = (byte)((p.HasAvatar ? 1 : 0) | (p.HasContact ? 2 : 0) | (p.HasSchoolOrClass ? 4 : 0) | (p.HasSubject ? 8 : 0));
                break;
            case MobileOperation m: (s.Kind, s.A) = (Mobile, m.Kind); break;
            case ResourceSpread r: (s.Kind, s.A, s.B, s.C) = (Spread, r.ResourceId, r.UserId, r.Action); break;
            case ResourceReviewed r: (s.Kind, s.A, s.Number) = (Reviewed, r.ResourceId, (int)r.Level); break;
            case ResourceDeleted r: (s.Kind, s.A) = (Deleted, r.ResourceId); break;
            case TeachingSession t: (s.Kind, s.A, s.Number) = (Teaching, t.SessionId, t.DurationSeconds); break;
            case TaskPublished t: (s.Kind, s.A, s.B) = (Published, t.TaskId, t.Kind); break;
            case TaskEngagement t: (s.Kind, s.A, s.B, s.Flags) = (Engagement, t.TaskId, t.StudentId, (byte)(t.Completed ? 1 : 0)); break;
            case Interaction i: (s.Kind, s.A, s.B) = (Interact, i.CounterpartId, i.Kind); break;
            case AppUsage a: (s.Kind, s.A) = (App, a.AppId); break;
            case ResourcePublished r: (s.Kind, s.A, s.B, s.Flags) = (NewResource, r.ResourceId, r.Kind, (byte)(r.Original ? 1 : 0)); break;
            case HomeworkMarked h: (s.Kind, s.A, s.B) = (Marked, h.TaskId, h.StudentId); break;
            case SpaceFollowed f: (s.Kind, s.A, s.Flags) = (Followed, f.UserId, (byte)(f.Unfollowed ? 1 : 0)); break;
            case SpaceFollowing f: (s.Kind, s.A, s.Flags) = (Following, f.SpaceId, (byte)(f.Unfollowed ? 1 : 0)); break;
            case SpaceVisited v: (s.Kind, s.A) = (Visited, v.VisitorId); break;
            case ReviewReceived r: (s.Kind, s.A, s.B, s.Flags) = (GotReview, r.ReviewerId, r.Subject, (byte)(r.Positive ? 1 : 0)); break;
            default: throw new ArgumentException($"no wire form for activity body {value.Body?.GetType().Name ?? "null"}");
        }
        return s;
    }
}
