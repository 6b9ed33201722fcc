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
        services.AddSingleton<DailyDigest>();
        services.AddScoped<EmailQueueService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<NotificationSettingsService>();
        services.AddHostedService<EmailOutboxWorker>();
        services.AddOptions<NotificationSweepOptions>().BindConfiguration(NotificationSweepOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationSweep>();
        services.AddHostedService<NotificationSweepWorker>();
        return services;
    }

    /// <summary>Refuses to start with SMTP half configured, naming each missing setting.</summary>
    private sealed class EmailSettingsValidation(IOptions<AppOptions> app) : IValidateOptions<EmailOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailOptions options)
        {
            var problems = EmailDelivery.Problems(options, app.Value).ToList();
            if (options.Digest.Zone() is null)
            {
                problems.Add($"Email:Digest:TimeZone '{options.Digest.TimeZone}' is not a time zone this server knows; use an IANA name such as \"Europe/London\", or UTC.");
            }
            if (options.Digest.Hour is < 0 or > 23)
            {
                problems.Add("Email:Digest:Hour must be an hour of the day (0-23).");
            }
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
