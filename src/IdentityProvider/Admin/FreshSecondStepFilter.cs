using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace IdentityProvider.Admin;

/// <summary>
/// Before any state-changing request in the admin area: when the administrator's last code is older than
/// <see cref="AdminSession.ChangeWindow"/>, ask for a fresh one first (then return to the page to act again).
/// Warning: a stolen admin session alone then cannot change anything 15 minutes after its sign-in.
/// </summary>
internal sealed class FreshSecondStepFilter(TimeProvider time) : IAsyncPageFilter
{
    public const string ConfirmPage = "/Confirm";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var changes = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        if (changes && context.ActionDescriptor.ViewEnginePath != ConfirmPage
            && !AdminSession.SecondStepWithin(context.HttpContext.User, AdminSession.ChangeWindow, time.GetUtcNow()))
        {
            context.Result = new RedirectToPageResult(ConfirmPage, new { area = "Admin", returnUrl = $"{request.PathBase}{request.Path}{request.QueryString}" });
            return;
        }

        await next();
    }
}
