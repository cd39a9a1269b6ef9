using System.Linq.Expressions;
using IdentityProvider.Data.Entities;

namespace IdentityProvider.Admin.Dashboard;

/// <summary>A group of security events and how many fell on each day.</summary>
public sealed class DayCounts<TKey>
{
    public required TKey Key { get; init; }

    /// <summary>One count per day, oldest first.</summary>
    public required int[] Counts { get; init; }
}

/// <summary>
/// Counts a group's events per day in the database: one conditional count per day (<c>COUNT(CASE WHEN … END)</c>), as
/// neither database can group by a UTC day of the other's date type (SQLite keeps ticks).
/// </summary>
internal static class PerDayCounts
{
    /// <param name="starts">The first moment of each day, then the end of the last day.</param>
    public static IQueryable<DayCounts<TKey>> CountPerDay<TKey>(this IQueryable<IGrouping<TKey, SecurityEvent>> groups, IReadOnlyList<DateTimeOffset> starts)
    {
        var group = Expression.Parameter(typeof(IGrouping<TKey, SecurityEvent>), "group");
        var counts = Enumerable.Range(0, starts.Count - 1).Select(day => (Expression)Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Count), [typeof(SecurityEvent)], group, OnDay(starts[day], starts[day + 1])));
        var result = Expression.MemberInit(
            Expression.New(typeof(DayCounts<TKey>)),
            Expression.Bind(typeof(DayCounts<TKey>).GetProperty(nameof(DayCounts<TKey>.Key))!, Expression.Property(group, nameof(IGrouping<TKey, SecurityEvent>.Key))),
            Expression.Bind(typeof(DayCounts<TKey>).GetProperty(nameof(DayCounts<TKey>.Counts))!, Expression.NewArrayInit(typeof(int), counts)));
        return groups.Select(Expression.Lambda<Func<IGrouping<TKey, SecurityEvent>, DayCounts<TKey>>>(result, group));
    }

    private static Expression<Func<SecurityEvent, bool>> OnDay(DateTimeOffset start, DateTimeOffset end) =>
        row => row.OccurredAt >= start && row.OccurredAt < end;
}
