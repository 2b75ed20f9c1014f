import { render } from 'preact';
import '../common/ui/base.css';
import './book.css';
import { BookingPage } from './booking-page.tsx';

render(<BookingPage />, document.getElementById('app')!);
