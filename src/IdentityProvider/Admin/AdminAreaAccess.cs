using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace IdentityProvider.Admin;

/// <summary>
/// Who may open each page of the admin area: the pages a user-manager may use are listed here, every other page (a new
/// one too) is the administrators' alone; a handler of a listed page marked <see cref="AdministratorsOnlyAttribute"/> is too.
/// Warning: enforced on the server (403), whatever the pages show or hide.
/// </summary>
public static class AdminAreaAccess
{
    public const string Area = "Admin";

    /// <summary>The area's pages (as Razor names them) open to <see cref="UserManagementPolicy"/>.</summary>
    public static readonly IReadOnlySet<string> UserManagerPages = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/Index", FreshSecondStepFilter.ConfirmPage,
        "/Users/Index", "/Users/Details", "/Users/Password", "/Users/TwoStep", "/Users/Tokens",
        "/HardwareTokens/Index", "/HardwareTokens/Details",
    };

    /// <summary>The policy of every page, then the administrators-only handlers, then the fresh code before a change.</summary>
    public static void AddAdminAreaAccess(this PageConventionCollection conventions) =>
        conventions.AddAreaFolderApplicationModelConvention(Area, "/", model =>
        {
            model.EndpointMetadata.Add(new AuthorizeAttribute(UserManagerPages.Contains(model.ViewEnginePath) ? UserManagementPolicy.Name : AdminPolicy.Name));
            model.Filters.Add(new ServiceFilterAttribute(typeof(AdministratorsOnlyFilter)));
            model.Filters.Add(new ServiceFilterAttribute(typeof(FreshSecondStepFilter)));
        });
}

/// <summary>A handler of a page a user-manager may open that only an administrator may run (a 403 for anyone else).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AdministratorsOnlyAttribute : Attribute;

/// <summary>Refuses a handler marked <see cref="AdministratorsOnlyAttribute"/> unless <see cref="AdminPolicy"/> allows the caller.</summary>
internal sealed class AdministratorsOnlyFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod?.MethodInfo.IsDefined(typeof(AdministratorsOnlyAttribute), inherit: false) == true)
        {
            var authorization = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(context.HttpContext.User, AdminPolicy.Name)).Succeeded)
            {
                context.Result = new ForbidResult();
                return;
            }
        }

        await next();
    }
}
