// audit:replay with one more read model that keeps state outside itself (a counter shared by
// every instance): live and rebuilt disagree, and the command must say so and exit 1.
import { Module, type OnModuleInit } from '@nestjs/common';
import { type Projection, ProjectionRunner } from '@app/eventsourcing';
import { main } from '../../libs/audit/src/cli/replay';
import { runCli } from '../../libs/audit/src/cli/cli-support';

let deliveries = 0;
const countsDeliveries: Projection<{ seen: number }> = {
  name: 'counts-deliveries',
  initialState: () => ({ seen: 0 }),
  apply: () => ({ seen: ++deliveries }),
};

@Module({})
class CountsDeliveriesModule implements OnModuleInit {
  constructor(private readonly runner: ProjectionRunner) {}
  onModuleInit(): void {
    this.runner.register(countsDeliveries);
  }
}

runCli('audit:replay', (argv) => main(argv, undefined, undefined, { imports: [CountsDeliveriesModule] }));
