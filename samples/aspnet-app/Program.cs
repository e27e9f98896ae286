using AspNetApp;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<PaymentService>();
builder.Services.AddSingleton<ReportService>();
ServiceRegistration.AddEnvironmentSpecific(builder.Services, builder.Environment);

var app = builder.Build();

// Composition root: IsDevelopment() and IsProduction() here are fine (no CG1002).
if (app.Environment.IsDevelopment()) app.UseDeveloperExceptionPage();
if (app.Environment.IsProduction()) app.UseHsts();

app.MapGet("/", () => "Running in Production mode is a label, not a branch"); // no CG1001
app.MapGet("/pay", (PaymentService payments) => payments.Charge(100));
app.MapGet("/report", (ReportService reports) => reports.Describe());
app.Run();
