from scipy.integrate import solve_ivp

students = 1200  # students living at the school [count]
initial_infected = 3  # infected students on day 0 [count]
transmission_rate = 0.6  # new infections per infected student per day, all susceptible [1/day]
infectious_days = 4  # average time a student stays infectious [day]

gamma = 1 / infectious_days  # recovery rate [1/day]


def sir(t, y):
    s, i, _r = y
    new_infections = transmission_rate * s * i / students
    return [-new_infections, new_infections - gamma * i, gamma * i]


def peak(t, y):  # dI/dt = 0 where the infected count is largest
    return transmission_rate * y[0] / students - gamma


peak.direction = -1
y0 = [students - initial_infected, initial_infected, 0]
sol = solve_ivp(sir, (0, 200), y0, events=peak, rtol=1e-10, atol=1e-8)
t_peak = sol.t_events[0][0]
i_peak = sol.y_events[0][0][1]

answer = {"peak_infected": float(i_peak), "peak_day": float(t_peak)}
