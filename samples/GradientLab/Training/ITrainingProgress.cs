namespace GradientLab.Training;

/// <summary>Hears the progress of an epoch; called after every step, so an implementation should be cheap.</summary>
public interface ITrainingProgress
{
    /// <summary><paramref name="completedBatches"/> steps of the current epoch are done.</summary>
    void Report(int completedBatches);
}
