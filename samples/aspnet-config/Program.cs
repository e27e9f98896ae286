using System.ComponentModel.DataAnnotations;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<StripeOptions>()
    .BindConfiguration(StripeOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();

var searchUrl = builder.Configuration["Search:Url"];
var orders = builder.Configuration.GetConnectionString("Orders");
var pageSize = builder.Configuration.GetValue("Search:PageSize", 20);

var app = builder.Build();
app.MapGet("/", () => $"{searchUrl} {orders} {pageSize}");
app.Run();

public sealed class StripeOptions
{
    public const string Section = "Stripe";

    [Required] public string SecretKey { get; set; } = "";
    [Required] public string WebhookSecret { get; set; } = "";
    public string? PublishableKey { get; set; }
    public int Retries { get; set; } = 2;
}
