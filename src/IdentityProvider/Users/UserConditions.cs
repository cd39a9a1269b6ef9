using System.Linq.Expressions;
using IdentityProvider.Data.Entities;

namespace IdentityProvider.Users;

/// <summary>
/// Query conditions on users combined into one. Why: a rule kept once as a condition (who has a second step) is used inside
/// other conditions, and a query cannot call one condition from within another; these build the combined tree instead.
/// </summary>
public static class UserConditions
{
    public static Expression<Func<ApplicationUser, bool>> Not(this Expression<Func<ApplicationUser, bool>> condition) =>
        Expression.Lambda<Func<ApplicationUser, bool>>(Expression.Not(condition.Body), condition.Parameters);

    public static Expression<Func<ApplicationUser, bool>> And(this Expression<Func<ApplicationUser, bool>> left, Expression<Func<ApplicationUser, bool>> right) =>
        Expression.Lambda<Func<ApplicationUser, bool>>(Expression.AndAlso(left.Body, OnUserOf(left, right)), left.Parameters);

    /// <summary>The body of <paramref name="right"/> about the user of <paramref name="left"/>.</summary>
    private static Expression OnUserOf(Expression<Func<ApplicationUser, bool>> left, Expression<Func<ApplicationUser, bool>> right) =>
        new ParameterSwap(right.Parameters[0], left.Parameters[0]).Visit(right.Body);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
