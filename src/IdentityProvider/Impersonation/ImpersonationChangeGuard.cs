using IdentityProvider.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace IdentityProvider.Impersonation;

/// <summary>
/// In a session an administrator opened as a user, the account pages show everything but change nothing (password,
/// devices, recovery codes, tokens, profile…) until the administrator enters a code of their own: a change is not
/// made and the browser is sent to <see cref="ConfirmPage"/>, which says so and asks for it.
/// </summary>
internal sealed class ImpersonationChangeGuard(TimeProvider time) : IAsyncPageFilter
{
    public const string ConfirmPage = "/Account/ConfirmChange";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var changes = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        if (changes && !Impersonations.ChangesAllowed(SessionProof.From(context.HttpContext.User), time.GetUtcNow()))
        {
            context.Result = new RedirectToPageResult(ConfirmPage, new { area = "", returnUrl = $"{request.PathBase}{request.Path}{request.QueryString}" });
            return;
        }

        await next();
    }
}

public static class ImpersonationChangeGuardConventions
{
    /// <summary>Guards every page of <paramref name="folder"/> (the account pages) in sessions an administrator opened as a user.</summary>
    public static void AddImpersonationChangeGuard(this PageConventionCollection conventions, string folder) =>
        conventions.AddFolderApplicationModelConvention(folder, model => model.Filters.Add(new ServiceFilterAttribute(typeof(ImpersonationChangeGuard))));
}
