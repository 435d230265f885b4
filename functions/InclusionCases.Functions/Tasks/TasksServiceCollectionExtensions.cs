using InclusionCases.Functions.Tasks.UseCases;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Tasks;

public static class TasksServiceCollectionExtensions
{
    public static IServiceCollection AddTasks(this IServiceCollection services) => services
        .AddSingleton<TaskIndex>()
        .AddSingleton<TaskProjection>()
        .AddSingleton<TaskRecheckIndex>()
        .AddSingleton<TaskRecheckJob>()
        .AddSingleton<ListTasks>()
        .AddSingleton<GetTask>()
        .AddSingleton<CreateTask>()
        .AddSingleton<UpdateTask>();
}
