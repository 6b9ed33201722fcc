using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Notifications;

public static class NotificationServices
{
    public static IServiceCollection AddCxNotifications(this IServiceCollection services)
    {
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section);
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailSettingsValidation>();
        services.AddSingleton<EmailDelivery>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<EmailDelivery>().Route == EmailRoute.Smtp
            ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
            : ActivatorUtilities.CreateInstance<FolderEmailSender>(sp));
        services.AddSingleton<EmailOutbox>();
        services.AddScoped<EmailQueueService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<NotificationSettingsService>();
        services.AddHostedService<EmailOutboxWorker>();
        return services;
    }

    /// <summary>Refuses to start with SMTP half configured, naming each missing setting.</summary>
    private sealed class EmailSettingsValidation(IOptions<AppOptions> app) : IValidateOptions<EmailOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailOptions options)
        {
            var problems = EmailDelivery.Problems(options, app.Value).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
