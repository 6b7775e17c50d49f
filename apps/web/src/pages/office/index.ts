export { CallPage } from './call';
export { DraftCallPage } from './call-form';
export { GrantPage } from './grant';
export { GrantsPage } from './grants';
export { ProgrammePage } from './programme';
export { NewProgrammePage, ProgrammesPage } from './programmes';
export { SubmissionPage } from './submission';
export { TasksPage } from './tasks';
export { AdoptTermsPage } from './terms';
