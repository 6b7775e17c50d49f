import { ApplicationsModule } from '@app/applications';
import { ProgrammesCallsModule } from '@app/programmes-calls';

/** The bounded contexts the API serves, one module each; a new context adds its module here. */
export const CONTEXT_MODULES = [ProgrammesCallsModule, ApplicationsModule];
